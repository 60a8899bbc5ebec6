#include "training/core/bank/TariffQuestion.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"

#include <algorithm>
#include <numeric>

namespace salon::training {

namespace {

using pos::InputError;

const char* const kProfileFields[] = {"minutes_russia", "minutes_other_operators", "minutes_corporate", "mb", "sms",
                                      "months", "numbers"};

int int_field(const nlohmann::json& profile, const char* name, int fallback) {
    if (!profile.contains(name)) return fallback;
    const auto& v = profile.at(name);
    if (!v.is_number_integer())
        throw InputError("parameters", tr("Generator parameters"), trf("{1} must be a whole number", {name}));
    const auto n = v.get<long long>();
    if (n < -1000000000LL || n > 1000000000LL)
        throw InputError("parameters", tr("Generator parameters"), trf("{1} is out of range", {name}));
    return static_cast<int>(n);
}

std::string string_field(const nlohmann::json& j, const char* name, const std::string& fallback) {
    if (!j.contains(name)) return fallback;
    if (!j.at(name).is_string())
        throw InputError("parameters", tr("Generator parameters"), trf("{1} must be a text", {name}));
    return j.at(name).get<std::string>();
}

// "300 minutes of calls in Russia, 10 GB of internet, 50 SMS": only what the client uses.
std::string usage_text(const pos::UsageProfile& p) {
    std::vector<std::string> parts;
    if (p.minutes_russia) parts.push_back(trf("{1} minutes of calls in Russia", {std::to_string(p.minutes_russia)}).str());
    if (p.minutes_other_operators)
        parts.push_back(trf("{1} minutes to other operators (zone {2})",
                            {std::to_string(p.minutes_other_operators), p.other_operator_zone})
                            .str());
    if (p.minutes_corporate)
        parts.push_back(trf("{1} minutes between the company's own numbers", {std::to_string(p.minutes_corporate)}).str());
    if (p.mb) {
        if (p.mb % 1024 == 0)
            parts.push_back(trf("{1} GB of mobile internet", {std::to_string(p.mb / 1024)}).str());
        else
            parts.push_back(trf("{1} MB of mobile internet", {std::to_string(p.mb)}).str());
    }
    if (p.sms) parts.push_back(trf("{1} SMS", {std::to_string(p.sms)}).str());
    if (parts.empty()) return tr("nothing beyond the monthly fee").str();
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out;
}

std::string period_text(const pos::UsageProfile& p) {
    if (p.months == 1 && p.numbers == 1) return "";
    return " " + trf("The client compares the total for {1} numbers over {2} months, connection fees included.",
                     {std::to_string(p.numbers), std::to_string(p.months)})
                     .str();
}

const pos::TariffQuote* find_quote(const std::vector<pos::TariffQuote>& quotes, const std::string& code) {
    for (const auto& q : quotes)
        if (q.code == code && !q.individual) return &q;
    return nullptr;
}

}  // namespace

nlohmann::json checked_tariff_parameters(const nlohmann::json& body) {
    if (!body.is_object() || !body.contains("profile") || !body.at("profile").is_object())
        throw InputError("parameters", tr("Generator parameters"), tr("a tariff question needs the client's usage (profile)"));
    const std::string ask = string_field(body, "ask", "cheapest");
    if (ask != "cheapest" && ask != "monthly")
        throw InputError("parameters", tr("Generator parameters"), tr("ask must be cheapest or monthly"));
    nlohmann::json out = {{"ask", ask}};
    if (ask == "monthly") {
        const std::string tariff = string_field(body, "tariff", "");
        if (tariff.empty())
            throw InputError("parameters", tr("Generator parameters"), tr("a monthly-cost question names its tariff"));
        out["tariff"] = tariff;
    }
    const std::string client = string_field(body, "client", "");
    if (!client.empty()) out["client"] = client;
    const pos::UsageProfile p = tariff_question_profile(body);
    out["profile"] = {{"minutes_russia", p.minutes_russia},
                      {"minutes_other_operators", p.minutes_other_operators},
                      {"other_operator_zone", p.other_operator_zone},
                      {"minutes_corporate", p.minutes_corporate},
                      {"mb", p.mb},
                      {"sms", p.sms},
                      {"months", p.months},
                      {"numbers", p.numbers},
                      {"segment", p.segment}};
    return out;
}

pos::UsageProfile tariff_question_profile(const nlohmann::json& body) {
    if (!body.is_object() || !body.contains("profile") || !body.at("profile").is_object())
        throw InputError("parameters", tr("Generator parameters"), tr("a tariff question needs the client's usage (profile)"));
    const auto& j = body.at("profile");
    for (const auto& [key, value] : j.items()) {
        (void)value;
        bool known = key == "other_operator_zone" || key == "segment";
        for (const char* f : kProfileFields) known = known || key == f;
        if (!known) throw InputError("parameters", tr("Generator parameters"), trf("unknown field {1}", {key}));
    }
    pos::UsageProfile p;
    p.minutes_russia = int_field(j, "minutes_russia", 0);
    p.minutes_other_operators = int_field(j, "minutes_other_operators", 0);
    p.minutes_corporate = int_field(j, "minutes_corporate", 0);
    p.other_operator_zone = string_field(j, "other_operator_zone", "1");
    p.mb = int_field(j, "mb", 0);
    p.sms = int_field(j, "sms", 0);
    p.months = int_field(j, "months", 1);
    p.numbers = int_field(j, "numbers", 1);
    // A salon's candidate sells to private clients first (R-POS-3: a trainee serves private clients only).
    p.segment = string_field(j, "segment", "private");
    if (p.segment.empty()) p.segment = "private";
    try {
        pos::validate(p);
    } catch (const ValidationError& e) {
        throw InputError("parameters", e);  // the advisor's message names the profile's field
    }
    return p;
}

GeneratedQuestion generate_tariff_question(db::Database& db, const nlohmann::json& body, std::mt19937_64& random) {
    const nlohmann::json params = checked_tariff_parameters(body);
    const pos::UsageProfile profile = tariff_question_profile(params);
    GeneratedQuestion g;
    g.on_date = pos::today_utc(db);
    std::vector<pos::TariffQuote> quotes;
    for (auto& q : pos::advise(db, profile, g.on_date))
        if (!q.individual) quotes.push_back(std::move(q));  // priced by agreement: nothing to compute

    const std::string ask = params.at("ask").get<std::string>();
    std::string lead;
    if (params.contains("client")) lead = params.at("client").get<std::string>() + ". ";
    lead += trf("A month the client uses {1}.", {usage_text(profile)}).str() + period_text(profile);

    // Options: the right one first, then distractors; shuffled below. Each option's value differs from the
    // others', so exactly one is right however the amounts fall on a given day.
    struct Option {
        std::string text;
        pos::Money value;
    };
    std::vector<Option> options;
    std::string explanation;
    if (ask == "cheapest") {
        if (quotes.size() < 2)
            throw RefusedError(tr("Question"), trf("the catalog on {1} has fewer than 2 tariffs to compare", {g.on_date}));
        g.shown.text = lead + " " + tr("Which tariff costs the client least?").str();
        for (const auto& q : quotes) {
            if (options.size() == 4) break;
            const bool same = std::any_of(options.begin(), options.end(), [&](const Option& o) { return o.value == q.total; });
            if (!same) options.push_back({q.name, q.total});
        }
        if (options.size() < 2)
            throw RefusedError(tr("Question"), tr("every tariff costs the same for this usage: nothing to choose"));
        const bool total = profile.months != 1 || profile.numbers != 1;
        explanation = trf("By the catalog of {1}:", {g.on_date}).str();
        for (const auto& q : quotes)
            explanation += " " + (total ? trf("{1} — {2} a month, {3} in total;", {q.name, q.monthly.format(), q.total.format()})
                                        : trf("{1} — {2} a month;", {q.name, q.monthly.format()}))
                                     .str();
        explanation += " " + trf("the cheapest is {1}.", {options.front().text}).str();
    } else {
        const std::string code = params.at("tariff").get<std::string>();
        const pos::TariffQuote* mine = find_quote(quotes, code);
        if (!mine)
            throw RefusedError(tr("Question"), trf("tariff {1} is not in the catalog on {2}", {code, g.on_date}));
        g.shown.text = lead + " " + trf("How much does the client pay a month on the tariff «{1}»?", {mine->name}).str();
        options.push_back({mine->monthly.format(), mine->monthly});
        // Plausible mistakes: the fee alone (usage beyond the package forgotten), then other tariffs' months.
        std::vector<pos::Money> wrong;
        if (!mine->lines.empty()) wrong.push_back(mine->lines.front().amount);  // the monthly fee
        for (const auto& q : quotes)
            if (q.code != code) wrong.push_back(q.monthly);
        wrong.push_back(mine->monthly * 2);
        for (const auto& w : wrong) {
            if (options.size() == 4) break;
            const bool same = std::any_of(options.begin(), options.end(), [&](const Option& o) { return o.value == w; });
            if (!same) options.push_back({w.format(), w});
        }
        explanation = trf("By the catalog of {1}, on the tariff «{2}»:", {g.on_date, mine->name}).str();
        for (const auto& line : mine->lines) {
            if (line.quantity && *line.quantity == 0) continue;
            if (line.quantity)
                explanation += " " + line.what.str() + " " + std::to_string(*line.quantity) + " × " +
                               line.unit_price.format() + " = " + line.amount.format() + ";";
            else
                explanation += " " + line.what.str() + " " + line.amount.format() + ";";
        }
        explanation += " " + trf("{1} a month.", {mine->monthly.format()}).str();
    }
    std::vector<std::size_t> order(options.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    g.shown.kind = "single";
    g.shown.right_answer = nlohmann::json::array();
    for (std::size_t shown = 0; shown < order.size(); ++shown) {
        g.shown.options.push_back(options[order[shown]].text);
        if (order[shown] == 0) g.shown.right_answer.push_back(shown);
    }
    g.shown.topic = Topic::tariff_math;
    g.explanation = explanation;
    return g;
}

ShownQuestion render_generated_question(db::Database& db, const nlohmann::json& body, std::mt19937_64& random) {
    return generate_tariff_question(db, body, random).shown;
}

}  // namespace salon::training
