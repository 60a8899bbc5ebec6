// What the sales desk must respect about a number before it takes money for it or replaces its SIM card: the
// corporate desk's decisions about a company's number, read from its tables (migration 11) with one indexed
// lookup, since the sales core does not link the corporate desk's library. One function per check, each
// named after what it refuses; the sale calls them only for the lines about an existing number (a top-up, a
// SIM replacement), so a private SIM sale does no more work than before.
#pragma once

namespace salon::db {
class Database;
}

namespace salon::pos {

class Msisdn;

// R-CORP-5: a company's number blocked at its request (a lost or stolen SIM) takes no top-up and no SIM
// replacement until the company has it unblocked at the corporate desk. Throws InputError("msisdn") naming
// the number and the way out; a number that is no company's, or is active, passes.
void require_number_not_blocked(db::Database& db, const Msisdn& number);

}  // namespace salon::pos
