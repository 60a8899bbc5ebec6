#include "training/core/bank/ShownQuestion.hpp"

#include "training/core/bank/MoodleXml.hpp"
#include "training/core/bank/TariffQuestion.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"

#include <algorithm>
#include <numeric>

namespace salon::training {

namespace {

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// Lower case for Cyrillic and Latin letters in UTF-8, enough to compare short answers without case.
std::string folded(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(std::tolower(c)));
        } else if (c == 0xD0 && i + 1 < s.size()) {
            const auto d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x90 && d <= 0x9F) {  // А..П -> а..п
                out.push_back(static_cast<char>(0xD0));
                out.push_back(static_cast<char>(d + 0x20));
            } else if (d >= 0xA0 && d <= 0xAF) {  // Р..Я -> р..я
                out.push_back(static_cast<char>(0xD1));
                out.push_back(static_cast<char>(d - 0x20));
            } else if (d == 0x81) {  // Ё -> ё
                out.push_back(static_cast<char>(0xD1));
                out.push_back(static_cast<char>(0x91));
            } else {
                out.push_back(static_cast<char>(c));
                out.push_back(static_cast<char>(d));
            }
            ++i;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

// Renders a stored choice question: options shuffled, right answer as shown indexes.
void render_choices(ShownQuestion& q, const nlohmann::json& body, std::mt19937_64& random) {
    const auto& options = body.at("options");
    std::vector<std::size_t> order(options.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    q.right_answer = nlohmann::json::array();
    for (std::size_t shown = 0; shown < order.size(); ++shown) {
        const auto& option = options.at(order[shown]);
        q.options.push_back(option.at("text").get<std::string>());
        if (option.value("fraction", 0.0) > 0.0) q.right_answer.push_back(shown);
    }
}

}  // namespace

nlohmann::json ShownQuestion::shown_json() const {
    return {{"kind", kind}, {"text", text}, {"options", options}};
}

ShownQuestion render_question(db::Database& db, std::int64_t version_id, std::mt19937_64& random) {
    std::string topic, kind, text, body_text;
    const bool found = db.run("SELECT q.topic, v.kind, v.text, v.body FROM question_version v JOIN question q ON q.id = v.question_id "
           "WHERE v.id = :v",
           soci::use(version_id), soci::into(topic), soci::into(kind), soci::into(text), soci::into(body_text));
    if (!found) throw ValidationError(tr("Question"), trf("no question version {1}", {std::to_string(version_id)}));
    const auto body = nlohmann::json::parse(body_text);
    ShownQuestion q;
    if (kind == "tariff_math") {
        q = render_generated_question(db, body, random);
    } else {
        q.kind = kind;
        // Moodle's HTML is kept in the bank as Moodle wrote it; the kiosk shows plain text.
        const bool html = body.value("format", std::string()) == "html";
        q.text = html ? plain_text(text) : text;
        if (kind == "single" || kind == "multiple") {
            render_choices(q, body, random);
            if (html)
                for (auto& o : q.options) o = plain_text(o);
        } else if (kind == "truefalse") {
            // Always in this order, as Moodle shows them.
            q.options = {tr("True").str(), tr("False").str()};
            q.right_answer = nlohmann::json::array({body.at("answer").get<bool>() ? std::size_t{0} : std::size_t{1}});
        } else {  // shortanswer
            nlohmann::json accepted = nlohmann::json::array();
            for (const auto& a : body.at("answers"))
                if (a.value("fraction", 0.0) >= 1.0) accepted.push_back(a.at("text"));
            q.right_answer = {{"accepted", accepted}, {"case_sensitive", body.value("case_sensitive", false)}};
        }
    }
    q.version_id = version_id;
    q.topic = topic_from_string(topic);
    return q;
}

bool answer_is_correct(const ShownQuestion& question, const nlohmann::json& answer) {
    return answer_is_correct(question.kind, question.options.size(), question.right_answer, answer);
}

bool answer_is_correct(const std::string& kind, std::size_t option_count, const nlohmann::json& right_answer,
                       const nlohmann::json& answer) {
    if (kind == "shortanswer") {
        if (!answer.is_string()) throw ValidationError(tr("Answer"), tr("must be a text"));
        const bool exact = right_answer.value("case_sensitive", false);
        const std::string given = exact ? trimmed(answer.get<std::string>()) : folded(trimmed(answer.get<std::string>()));
        for (const auto& a : right_answer.at("accepted")) {
            const std::string want = exact ? trimmed(a.get<std::string>()) : folded(trimmed(a.get<std::string>()));
            if (given == want) return true;
        }
        return false;
    }
    if (!answer.is_array()) throw ValidationError(tr("Answer"), tr("must be a list of option numbers"));
    std::vector<std::size_t> chosen;
    for (const auto& a : answer) {
        if (!a.is_number_unsigned() || a.get<std::size_t>() >= option_count)
            throw ValidationError(tr("Answer"), trf("an option must be 0..{1}", {std::to_string(option_count - 1)}));
        chosen.push_back(a.get<std::size_t>());
    }
    if (kind != "multiple" && chosen.size() > 1)
        throw ValidationError(tr("Answer"), tr("this question takes one option"));
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    return chosen == right_answer.get<std::vector<std::size_t>>();
}

}  // namespace salon::training
