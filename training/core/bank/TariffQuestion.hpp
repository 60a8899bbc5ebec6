// Tariff-mathematics questions (R-TRN-6 "choosing a suitable tariff") generated from the catalog and the
// tariff advisor when drawn, so a price change changes their right answers the same day.
#pragma once

#include "training/core/bank/ShownQuestion.hpp"

namespace salon::training {

// Renders a tariff_math version's generator parameters (`body`) against today's catalog.
ShownQuestion render_generated_question(db::Database& db, const nlohmann::json& body, std::mt19937_64& random);

}  // namespace salon::training
