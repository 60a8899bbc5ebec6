// The demo network's phones, modems and routers sold by IMEI: three catalog products with their warranty and
// a few units of each received into every demo salon under a delivery reference.
#pragma once

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

// Adds the products (when their codes are new) and receives the units into the demo salons (found by name),
// each step in its own transaction and journaled as `actor`'s. IMEIs are fictional with valid check digits.
// Returns the number of units received.
int seed_demo_gadgets(db::Database& db, const Actor& actor);

}  // namespace salon::pos
