// Tariff-mathematics questions (R-TRN-6 "choosing a suitable tariff") generated from the catalog and the
// tariff advisor when drawn, so a price change changes their right answers the same day.
//
// A tariff_math version's body holds the generator's parameters:
//   {"ask": "cheapest",                 which tariff costs the client least (the advisor's first)
//          | "monthly", "tariff": CODE  what the client pays a month on that tariff
//    "client": "...",                   optional: who the client is, shown before his usage
//    "profile": {"minutes_russia": 300, "minutes_other_operators": 0, "other_operator_zone": "1",
//                "minutes_corporate": 0, "mb": 10240, "sms": 50, "months": 1, "numbers": 1,
//                "segment": "private"}}  the advisor's UsageProfile; absent fields are 0 (zone "1",
//                                        months and numbers 1, segment "private")
// Rendered, it is a single-choice question: tariffs (or monthly amounts) of today's catalog as options,
// the advisor's answer right and other tariffs as the distractors.
#pragma once

#include "pos/core/catalog/TariffAdvisor.hpp"
#include "training/core/bank/ShownQuestion.hpp"

#include <string>

namespace salon::training {

// The parameters checked and normalised (every profile field present). Throws InputError("parameters")
// naming what is wrong, the advisor's own check included.
nlohmann::json checked_tariff_parameters(const nlohmann::json& body);
pos::UsageProfile tariff_question_profile(const nlohmann::json& body);

// A rendering with its explanation: what each option costs today, by the advisor's arithmetic.
struct GeneratedQuestion {
    ShownQuestion shown;
    std::string explanation;
    std::string on_date;  // the catalog's date the prices were taken from
};
GeneratedQuestion generate_tariff_question(db::Database& db, const nlohmann::json& body, std::mt19937_64& random);

// Renders a tariff_math version's generator parameters (`body`) against today's catalog.
ShownQuestion render_generated_question(db::Database& db, const nlohmann::json& body, std::mt19937_64& random);

}  // namespace salon::training
