// Who may work at the corporate desk and what day it is there: the checks every corporate operation makes
// first, so that a screen or a script cannot skip them.
#pragma once

#include <string>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;
class CalendarDate;

// For an operation that changes a company's data: the corporate_desk permission and, for salon staff, a
// certified specialist (R-TRN-11: a trainee serves private clients only, so the check the sales core
// has for ClientKind::corporate_client is made here). salon-cli's administrator passes. Throws RefusedError.
void require_corporate_desk(db::Database& db, const Actor& actor);
// For a read: the corporate_desk permission (head office's view passes). Clients are the operator's, so
// there is no dealer scope on them.
void require_corporate_reader(db::Database& db, const Actor& actor);
// The day at the actor's salon (its time zone), or in UTC for whoever is not bound to a salon: the day a
// power of attorney is checked against.
CalendarDate desk_today(db::Database& db, const Actor& actor);

// A plausible e-mail address (one "@", a dotted domain, no spaces, at most 254 characters), lower-cased
// domain; throws InputError(input) naming `field`.
std::string parse_email(const std::string& text, const char* input);

}  // namespace salon::pos
