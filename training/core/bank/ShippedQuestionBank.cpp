#include "training/core/bank/ShippedQuestionBank.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "training/core/bank/QuestionBank.hpp"

#include <nlohmann/json.hpp>

namespace salon {
extern const char* const kQuestionBankJson;
}

namespace salon::training {

const char* builtin_question_bank() { return kQuestionBankJson; }

SeedResult seed_question_bank(db::Database& db, const pos::Actor& actor) {
    actor.require(db, pos::Permission::run_training);
    const auto shipped = nlohmann::json::parse(builtin_question_bank());
    // Every question is checked before anything is written: a broken shipped bank adds nothing.
    std::vector<QuestionForm> forms;
    for (const auto& q : shipped.at("questions")) {
        QuestionForm f;
        f.name = q.at("name").get<std::string>();
        f.topic = q.at("topic").get<std::string>();
        f.kind = q.at("kind").get<std::string>();
        f.text = q.at("text").get<std::string>();
        f.explanation = q.value("explanation", std::string());
        f.category = q.value("category", std::string());
        f.body = q.at("body");
        try {
            forms.push_back(checked_question(f));
        } catch (const pos::InputError& e) {
            throw ValidationError(tr("Shipped question bank"), trf("question {1}: {2}", {f.name, e.message()}));
        }
    }
    SeedResult result;
    db::WriteTransaction tx(db);
    for (const auto& f : forms) {
        long long n = 0;
        db.run("SELECT COUNT(*) FROM question_version WHERE name = :n", soci::use(f.name), soci::into(n));
        if (n > 0) {
            ++result.present;
            continue;
        }
        store_question(db, actor, f, f.kind == "tariff_math" ? "generated" : "bank");
        ++result.added;
    }
    if (result.added > 0) {
        actor.record(db, "training.bank.seed", "question_bank",
                     "added " + std::to_string(result.added) + " shipped questions, " +
                         std::to_string(result.present) + " already present");
        tx.commit();
    }
    return result;
}

}  // namespace salon::training
