// The desk's organisation (DeskFixture) with the tariff catalog and the clock on a fixed day, and the
// trainer signed in, for the question bank's tests.
#pragma once

#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "tests/pos_core/DeskFixture.hpp"
#include "training/core/bank/QuestionBank.hpp"

namespace salon::test {

// 2 December 2026, midday in Moscow.
inline std::int64_t bank_test_noon() {
    return pos::CalendarDate::parse("2026-12-02", "date", tr("Date")).start_unix("Europe/Moscow") + 12 * 3600;
}

inline training::QuestionForm capital_of_turkey() {
    training::QuestionForm f;
    f.topic = "geography";
    f.kind = "single";
    f.name = "Турция";
    f.text = "Какой город — столица Турции?";
    f.explanation = "Анкара — столица с 1923 года.";
    f.body = {{"options",
               {{{"text", "Анкара"}, {"fraction", 1.0}},
                {{"text", "Стамбул"}, {"fraction", 0.0}},
                {{"text", "Анталья"}, {"fraction", 0.0}}}}};
    return f;
}

struct BankFixture : DeskFixture {
    pos::Actor trainer;
    BankFixture() : trainer(prepared(*this)) {}

private:
    static pos::Actor prepared(DeskFixture& f) {
        pos::import_tariff_catalog(f.db(), pos::builtin_tariff_catalog());
        f.db().set_clock(bank_test_noon());
        return f.as(f.trainer_id);
    }
};

}  // namespace salon::test
