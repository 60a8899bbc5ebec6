#include "training/core/cohort/KioskCode.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "pos/core/common/FormInput.hpp"

#include <sodium.h>

#include <cctype>
#include <stdexcept>

namespace salon::training {

std::string new_kiosk_code(db::Database& db) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    // 23^6 is about 148 million codes: a collision is rare, and checked.
    for (int tries = 0; tries < 100; ++tries) {
        std::string code;
        for (std::size_t i = 0; i < kKioskCodeLength; ++i)
            code.push_back(kKioskCodeAlphabet[randombytes_uniform(
                static_cast<std::uint32_t>(kKioskCodeAlphabet.size()))]);
        long long taken = 0;
        db.run("SELECT COUNT(*) FROM candidate WHERE kiosk_code = :c", soci::use(code), soci::into(taken));
        if (taken == 0) return code;
    }
    throw std::runtime_error("no free kiosk code");
}

std::string normalize_kiosk_code(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        code.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    if (code.empty()) throw pos::InputError("code", tr("Code"), tr("enter your personal code"));
    if (code.size() != kKioskCodeLength || code.find_first_not_of(kKioskCodeAlphabet) != std::string::npos)
        throw pos::InputError("code", tr("Code"), tr("no such code: check it against your invitation"));
    return code;
}

}  // namespace salon::training
