// The question bank shipped with the program (assets/seed/questions.json, embedded at build time): original
// questions over the four topics of R-TRN-6, so a new station can run the entrance test on its first day.
#pragma once

namespace salon::db {
class Database;
}

namespace salon::pos {
class Actor;
}

namespace salon::training {

struct SeedResult {
    int added = 0;
    int present = 0;  // shipped questions already in the bank (by name), left as they are
};

// Adds every shipped question the bank does not have yet, matched by its name (ГЕО-01 ...) in any of its
// versions, so a trainer's edit or retirement of a shipped question stands and running it again changes
// nothing. Needs run_training (salon-cli's maintenance actor has it). One transaction, one audit entry.
SeedResult seed_question_bank(db::Database& db, const pos::Actor& actor);

// The shipped bank's JSON text.
const char* builtin_question_bank();

}  // namespace salon::training
