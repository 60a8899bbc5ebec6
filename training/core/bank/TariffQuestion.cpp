#include "training/core/bank/TariffQuestion.hpp"

#include "db/UserError.hpp"

namespace salon::training {

// The generator arrives with the question bank; until then a tariff question cannot be drawn.
ShownQuestion render_generated_question(db::Database&, const nlohmann::json&, std::mt19937_64&) {
    throw RefusedError(tr("Question"), tr("tariff questions cannot be generated yet"));
}

}  // namespace salon::training
