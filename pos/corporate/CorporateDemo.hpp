// The corporate desk's part of the demo network: companies of both kinds with numbers on business tariffs,
// active applications with the head's power of attorney, an enabled cabinet and one still on the old
// cabinet, numbers without their users' data (R-CORP-10), and corporate visits in the salons' history.
#pragma once

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;
class SmsSender;

struct CorporateDemoCounts {
    bool already_present = false;  // the demo companies were there: nothing was added
    int clients = 0;
    int numbers = 0;
    int applications = 0;
    int visits = 0;  // corporate visits in the history
};

// Needs the demo network of seed_demo (its Moscow salon and its specialist ivanov, who serves the companies).
// Every company is added through the corporate core's operations, each its own transaction and journal
// entry; with `history_days` > 0 the companies come at corporate visits spread over those days up to
// yesterday (the clock is set for each and cleared at the end). The cabinet's code goes through `sms`.
CorporateDemoCounts seed_corporate_demo(db::Database& db, const Actor& actor, int history_days, SmsSender& sms);

}  // namespace salon::pos
