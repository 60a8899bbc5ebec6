// A dealer: the legal entity or sole proprietor that owns salons and sells under the brand (R-POS-1).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;

enum class DealerKind { legal_entity, sole_proprietor };

std::string_view to_string(DealerKind kind);
DealerKind dealer_kind_from_string(std::string_view text);  // throws ValidationError

// What a person types into the dealer form; every value is validated by `save_dealer`.
struct DealerForm {
    DealerKind kind = DealerKind::legal_entity;
    std::string name;
    std::string inn;   // 10 digits for a legal entity, 12 for a sole proprietor
    std::string ogrn;  // OGRN (13) for a legal entity, OGRNIP (15) for a sole proprietor
    std::string kpp;   // legal entities only
};

struct Dealer {
    std::int64_t id = 0;
    DealerKind kind = DealerKind::legal_entity;
    std::string name;
    std::string inn;
    std::string ogrn;
    std::string kpp;  // empty for a sole proprietor
};

// Validates the form (InputError names the input: "name", "inn", "ogrn", "kpp") and checks that the INN
// and OGRN are not registered to another dealer. `id` 0 adds a dealer; otherwise edits that one.
// Head office registers dealers: the actor needs administer_database (RefusedError). One transaction with
// its audit entry ("dealer.save"). Returns the dealer's id.
std::int64_t save_dealer(db::Database& db, const Actor& actor, const DealerForm& form, std::int64_t id = 0);
// save_dealer's adding, with the same checks and audit entry, inside the caller's open WriteTransaction
// (the first run adds the dealer, its first salon and its administrator as one operation).
std::int64_t add_dealer_within(db::Database& db, const Actor& actor, const DealerForm& form);

// The dealers the actor sees: all of them for head office, a dealer's people only their own.
std::vector<Dealer> list_dealers(db::Database& db, const Actor& actor);
// Throws ValidationError if there is none, or the actor does not see it (the same words: a dealer's people
// never learn that another dealer's number exists).
Dealer get_dealer(db::Database& db, const Actor& actor, std::int64_t id);

}  // namespace salon::pos
