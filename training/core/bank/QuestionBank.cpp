#include "training/core/bank/QuestionBank.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "training/core/bank/QuestionCategory.hpp"
#include "training/core/bank/TariffQuestion.hpp"

#include <algorithm>
#include <cmath>

namespace salon::training {

namespace {

using pos::InputError;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Characters, not bytes: a Russian letter is two bytes of UTF-8.
std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

void refuse_longer(const std::string& s, std::size_t max, const char* input, const Text& field) {
    if (characters(s) > max)
        throw InputError(input, field, trf("is longer than {1} characters", {std::to_string(max)}));
}

double fraction_of(const nlohmann::json& item, const char* input, const Text& field) {
    if (!item.contains("fraction")) return 0.0;
    const auto& f = item.at("fraction");
    double value = 0.0;
    if (f.is_number()) {
        value = f.get<double>();
    } else if (f.is_string()) {
        try {
            value = std::stod(f.get<std::string>());
        } catch (const std::exception&) {
            throw InputError(input, field, tr("a fraction must be a number from -1 to 1"));
        }
    } else {
        throw InputError(input, field, tr("a fraction must be a number from -1 to 1"));
    }
    if (value < -1.0 || value > 1.0) throw InputError(input, field, tr("a fraction must be a number from -1 to 1"));
    // Seven decimals, as Moodle keeps them: 33.33333 % read back is the 0.3333333 written.
    return std::round(value * 1e7) / 1e7;
}

nlohmann::json checked_choices(const nlohmann::json& body, bool multiple) {
    const Text field = tr("Options");
    if (!body.contains("options") || !body.at("options").is_array())
        throw InputError("options", field, tr("a choice question needs at least 2 options"));
    const auto& options = body.at("options");
    if (options.size() < 2) throw InputError("options", field, tr("a choice question needs at least 2 options"));
    if (options.size() > kMaxOptions)
        throw InputError("options", field, trf("at most {1} options", {std::to_string(kMaxOptions)}));
    nlohmann::json out = nlohmann::json::array();
    int right = 0;
    for (const auto& o : options) {
        if (!o.is_object() || !o.contains("text") || !o.at("text").is_string() || blank(o.at("text").get<std::string>()))
            throw InputError("options", field, tr("an option has no text"));
        const std::string text = trimmed(o.at("text").get<std::string>());
        refuse_longer(text, kMaxOptionCharacters, "options", field);
        const double fraction = fraction_of(o, "options", field);
        if (fraction > 0.0) ++right;
        nlohmann::json option = {{"text", text}, {"fraction", fraction}};
        if (o.contains("feedback") && o.at("feedback").is_string() && !blank(o.at("feedback").get<std::string>())) {
            refuse_longer(o.at("feedback").get<std::string>(), kMaxOptionCharacters, "options", field);
            option["feedback"] = trimmed(o.at("feedback").get<std::string>());
        }
        out.push_back(option);
    }
    if (right == 0) throw InputError("answer", tr("Right answer"), tr("the question has no right answer"));
    // One right option only: a single-choice question scores an answer right when it is that option, and
    // an attempt shows one option to pick (ShownQuestion.hpp).
    if (!multiple && right > 1)
        throw InputError("answer", tr("Right answer"), tr("a single-choice question has exactly one right option"));
    return {{"options", out}};
}

nlohmann::json checked_shortanswer(const nlohmann::json& body) {
    const Text field = tr("Accepted answers");
    if (!body.contains("answers") || !body.at("answers").is_array() || body.at("answers").empty())
        throw InputError("answer", tr("Right answer"), tr("the question has no right answer"));
    nlohmann::json out = nlohmann::json::array();
    int right = 0;
    for (const auto& a : body.at("answers")) {
        if (!a.is_object() || !a.contains("text") || !a.at("text").is_string() || blank(a.at("text").get<std::string>()))
            throw InputError("answers", field, tr("an accepted answer is empty"));
        const std::string text = trimmed(a.at("text").get<std::string>());
        refuse_longer(text, kMaxOptionCharacters, "answers", field);
        // A question without a fraction given is a list of accepted answers, each fully right.
        const double fraction = a.contains("fraction") ? fraction_of(a, "answers", field) : 1.0;
        if (fraction >= 1.0) ++right;
        out.push_back({{"text", text}, {"fraction", fraction}});
    }
    if (right == 0) throw InputError("answer", tr("Right answer"), tr("the question has no right answer"));
    bool case_sensitive = false;
    if (body.contains("case_sensitive")) {
        if (!body.at("case_sensitive").is_boolean())
            throw InputError("answers", field, tr("case_sensitive must be true or false"));
        case_sensitive = body.at("case_sensitive").get<bool>();
    }
    return {{"answers", out}, {"case_sensitive", case_sensitive}};
}

nlohmann::json checked_files(const nlohmann::json& files) {
    const Text field = tr("Files");
    if (!files.is_array()) throw InputError("files", field, tr("must be a list"));
    if (files.size() > kMaxFiles) throw InputError("files", field, trf("at most {1} files", {std::to_string(kMaxFiles)}));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : files) {
        if (!f.is_object() || !f.contains("name") || !f.at("name").is_string() || blank(f.at("name").get<std::string>()))
            throw InputError("files", field, tr("a file has no name"));
        if (f.value("encoding", std::string("base64")) != "base64")
            throw InputError("files", field, tr("a file must be encoded in base64"));
        if (!f.contains("data") || !f.at("data").is_string())
            throw InputError("files", field, tr("a file has no data"));
        const std::string& data = f.at("data").get_ref<const std::string&>();
        if (data.size() > kMaxFileBase64Bytes)
            throw InputError("files", field,
                             trf("file {1} is larger than {2} MB", {f.at("name").get<std::string>(),
                                                                     std::to_string(kMaxFileBase64Bytes / 1024 / 1024)}));
        for (char c : data)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=' || c == '\n' ||
                  c == '\r' || c == ' '))
                throw InputError("files", field, trf("file {1} is not base64", {f.at("name").get<std::string>()}));
        nlohmann::json file = {{"name", trimmed(f.at("name").get<std::string>())}, {"encoding", "base64"}, {"data", data}};
        // Where Moodle had it (questiontext, generalfeedback ...), so that an export puts it back there.
        if (f.contains("in") && f.at("in").is_string()) file["in"] = f.at("in");
        out.push_back(file);
    }
    return out;
}

void require_trainer(db::Database& db, const pos::Actor& actor) { actor.require(db, pos::Permission::run_training); }

QuestionVersion read_version_row(long long id, long long question_id, int version_no, std::string kind,
                                 std::string name, std::string text, std::string explanation,
                                 const std::string& body, long long created_at, long long created_by) {
    QuestionVersion v;
    v.id = id;
    v.question_id = question_id;
    v.version_no = version_no;
    v.kind = std::move(kind);
    v.name = std::move(name);
    v.text = std::move(text);
    v.explanation = std::move(explanation);
    v.body = nlohmann::json::parse(body);
    v.created_at = created_at;
    v.created_by = created_by;
    return v;
}

std::vector<Question> query_questions(db::Database& db, long long only_id, const std::string& only_topic,
                                      bool include_retired) {
    std::vector<Question> out;
    long long id = 0, created = 0, retired = 0, vid = 0, vcreated = 0, vby = 0;
    int version_no = 0;
    std::string topic, category, origin, kind, name, text, explanation, body;
    soci::indicator retired_ind = soci::i_ok, by_ind = soci::i_ok;
    const int retired_too = include_retired ? 1 : 0;
    db::Statement st = db.query(
        "SELECT q.id, q.topic, q.category, q.origin, q.created_at, q.retired_at, v.id, v.version_no, v.kind, "
        "v.name, v.text, v.explanation, v.body, v.created_at, v.created_by "
        "FROM question q JOIN question_version v ON v.question_id = q.id "
        "WHERE v.version_no = (SELECT MAX(w.version_no) FROM question_version w WHERE w.question_id = q.id) "
        "AND (:only = 0 OR q.id = :only2) AND (:topic = '' OR q.topic = :topic2) "
        "AND (:retired = 1 OR q.retired_at IS NULL) ORDER BY q.topic, q.id",
        soci::use(only_id), soci::use(only_id), soci::use(only_topic), soci::use(only_topic), soci::use(retired_too),
        soci::into(id), soci::into(topic), soci::into(category), soci::into(origin), soci::into(created),
        soci::into(retired, retired_ind), soci::into(vid), soci::into(version_no), soci::into(kind), soci::into(name),
        soci::into(text), soci::into(explanation), soci::into(body), soci::into(vcreated), soci::into(vby, by_ind));
    st.execute();
    while (st.fetch()) {
        Question q;
        q.id = id;
        q.topic = topic_from_string(topic);
        q.category = category;
        q.origin = origin;
        q.created_at = created;
        q.retired_at = retired_ind == soci::i_null ? 0 : retired;
        q.current = read_version_row(vid, id, version_no, kind, name, text, explanation, body, vcreated,
                                     by_ind == soci::i_null ? 0 : vby);
        out.push_back(std::move(q));
    }
    // In the order of R-TRN-6's topics, not of their codes.
    std::stable_sort(out.begin(), out.end(), [](const Question& a, const Question& b) {
        return a.topic != b.topic ? a.topic < b.topic : a.id < b.id;
    });
    return out;
}

}  // namespace

Text question_kind_title(const std::string& kind) {
    if (kind == "single") return tr("One right option");
    if (kind == "multiple") return tr("Several right options");
    if (kind == "truefalse") return tr("True or false");
    if (kind == "shortanswer") return tr("Short answer");
    return tr("Tariff question from the catalog");
}

QuestionForm checked_question(const QuestionForm& form) {
    QuestionForm c;
    c.topic = std::string(to_string(topic_from_string(trimmed(form.topic))));
    c.kind = trimmed(form.kind);
    if (c.kind != "single" && c.kind != "multiple" && c.kind != "truefalse" && c.kind != "shortanswer" &&
        c.kind != "tariff_math")
        throw InputError("kind", tr("Kind"),
                         trf("\"{1}\" is not a question kind: single, multiple, truefalse, shortanswer or tariff_math",
                             {form.kind}));
    if (c.kind == "tariff_math" && c.topic != "tariff_math")
        throw InputError("topic", tr("Topic"), tr("a generated tariff question belongs to the tariff topic"));
    if (blank(form.text)) throw InputError("text", tr("Question text"), tr("must be filled in"));
    c.text = trimmed(form.text);
    refuse_longer(c.text, kMaxQuestionTextCharacters, "text", tr("Question text"));
    c.name = trimmed(form.name);
    refuse_longer(c.name, 255, "name", tr("Name"));
    c.explanation = trimmed(form.explanation);
    refuse_longer(c.explanation, kMaxExplanationCharacters, "explanation", tr("Explanation"));
    refuse_longer(form.category, 1000, "category", tr("Category"));
    c.category = category_under_topic(topic_from_string(c.topic), form.category);
    const nlohmann::json& body = form.body.is_object() ? form.body : nlohmann::json::object();
    if (c.kind == "single" || c.kind == "multiple") {
        c.body = checked_choices(body, c.kind == "multiple");
    } else if (c.kind == "truefalse") {
        if (!body.contains("answer") || !body.at("answer").is_boolean())
            throw InputError("answer", tr("Right answer"), tr("the question has no right answer"));
        c.body = {{"answer", body.at("answer").get<bool>()}};
    } else if (c.kind == "shortanswer") {
        c.body = checked_shortanswer(body);
    } else {
        c.body = checked_tariff_parameters(body);
    }
    if (body.contains("files") && !body.at("files").empty()) c.body["files"] = checked_files(body.at("files"));
    // Moodle's HTML is kept as written; the kiosk shows it as plain text (MoodleXml.hpp plain_text).
    if (body.value("format", std::string()) == "html") c.body["format"] = "html";
    return c;
}

std::int64_t store_question(db::Database& db, const pos::Actor& actor, const QuestionForm& checked,
                            const std::string& origin) {
    const long long now = db.now();
    const long long by = actor.staff_id();
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    const long long id = db.insert(
        "INSERT INTO question (topic, category, origin, created_at, created_by) VALUES (:t, :c, :o, :now, :by)",
        soci::use(checked.topic), soci::use(checked.category), soci::use(origin), soci::use(now),
        soci::use(by, by_ind));
    const std::string body = checked.body.dump();
    const int version_no = 1;
    db.insert(
        "INSERT INTO question_version (question_id, version_no, kind, name, text, explanation, body, created_at, "
        "created_by) VALUES (:q, :n, :k, :name, :text, :e, :b, :now, :by)",
        soci::use(id), soci::use(version_no), soci::use(checked.kind), soci::use(checked.name), soci::use(checked.text),
        soci::use(checked.explanation), soci::use(body), soci::use(now), soci::use(by, by_ind));
    return id;
}

std::int64_t add_question(db::Database& db, const pos::Actor& actor, const QuestionForm& form,
                          const std::string& origin) {
    require_trainer(db, actor);
    const QuestionForm checked = checked_question(form);
    if (origin != "bank" && origin != "imported" && origin != "generated")
        throw InputError("origin", tr("Origin"), tr("must be bank, imported or generated"));
    db::WriteTransaction tx(db);
    const std::int64_t id = store_question(db, actor, checked, origin);
    actor.record(db, "training.question.add", "question:" + std::to_string(id),
                 "added topic=" + checked.topic + " kind=" + checked.kind);
    tx.commit();
    return id;
}

std::int64_t edit_question(db::Database& db, const pos::Actor& actor, std::int64_t id, const QuestionForm& form) {
    require_trainer(db, actor);
    const QuestionForm checked = checked_question(form);
    db::WriteTransaction tx(db);
    const Question before = get_question(db, actor, id);
    if (before.retired()) throw RefusedError(tr("Question"), tr("a retired question cannot be edited"));
    const long long question = id, now = db.now(), by = actor.staff_id();
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    const int version_no = before.current.version_no + 1;
    const std::string body = checked.body.dump();
    const long long version = db.insert(
        "INSERT INTO question_version (question_id, version_no, kind, name, text, explanation, body, created_at, "
        "created_by) VALUES (:q, :n, :k, :name, :text, :e, :b, :now, :by)",
        soci::use(question), soci::use(version_no), soci::use(checked.kind), soci::use(checked.name),
        soci::use(checked.text), soci::use(checked.explanation), soci::use(body), soci::use(now),
        soci::use(by, by_ind));
    db.update("UPDATE question SET topic = :t, category = :c WHERE id = :id", soci::use(checked.topic),
              soci::use(checked.category), soci::use(question));
    const auto& cur = before.current;
    actor.record(db, "training.question.edit", "question:" + std::to_string(id),
                 "version " + std::to_string(version_no) + " " +
                     pos::changed_fields({{"topic", std::string(to_string(before.topic)) != checked.topic},
                                          {"category", before.category != checked.category},
                                          {"kind", cur.kind != checked.kind},
                                          {"name", cur.name != checked.name},
                                          {"text", cur.text != checked.text},
                                          {"explanation", cur.explanation != checked.explanation},
                                          {"body", cur.body != checked.body}}));
    tx.commit();
    return version;
}

void retire_question(db::Database& db, const pos::Actor& actor, std::int64_t id) {
    require_trainer(db, actor);
    db::WriteTransaction tx(db);
    const Question q = get_question(db, actor, id);
    if (q.retired()) throw RefusedError(tr("Question"), trf("question {1} is already retired", {std::to_string(id)}));
    const long long question = id, now = db.now(), by = actor.staff_id();
    soci::indicator by_ind = by ? soci::i_ok : soci::i_null;
    db.update("UPDATE question SET retired_at = :now, retired_by = :by WHERE id = :id", soci::use(now),
              soci::use(by, by_ind), soci::use(question));
    actor.record(db, "training.question.retire", "question:" + std::to_string(id), "retired");
    tx.commit();
}

std::vector<Question> list_questions(db::Database& db, const pos::Actor& actor, const QuestionFilter& filter) {
    require_trainer(db, actor);
    return query_questions(db, 0, filter.topic ? std::string(to_string(*filter.topic)) : std::string(),
                           filter.include_retired);
}

Question get_question(db::Database& db, const pos::Actor& actor, std::int64_t id) {
    require_trainer(db, actor);
    auto found = id > 0 ? query_questions(db, id, "", true) : std::vector<Question>{};
    if (found.empty())
        throw ValidationError(tr("Question"), trf("no question with number {1}", {std::to_string(id)}));
    Question q = std::move(found.front());
    long long vid = 0, created = 0, by = 0;
    const long long question = id;
    int version_no = 0;
    std::string kind, name, text, explanation, body;
    soci::indicator by_ind = soci::i_ok;
    db::Statement st = db.query(
        "SELECT id, version_no, kind, name, text, explanation, body, created_at, created_by FROM question_version "
        "WHERE question_id = :q ORDER BY version_no",
        soci::use(question), soci::into(vid), soci::into(version_no), soci::into(kind), soci::into(name),
        soci::into(text), soci::into(explanation), soci::into(body), soci::into(created), soci::into(by, by_ind));
    st.execute();
    while (st.fetch())
        q.versions.push_back(read_version_row(vid, id, version_no, kind, name, text, explanation, body, created,
                                              by_ind == soci::i_null ? 0 : by));
    return q;
}

nlohmann::json question_body_from_lines(const std::string& kind, const std::string& lines, const nlohmann::json& keep) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= lines.size()) {
        const auto end = lines.find('\n', start);
        const std::string line = trimmed(lines.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (!line.empty()) items.push_back(line);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    nlohmann::json body = nlohmann::json::object();
    if (kind == "single" || kind == "multiple") {
        std::vector<std::pair<std::string, bool>> options;
        int right = 0;
        for (const auto& line : items) {
            const bool is_right = line.front() == '+';
            const bool sign = is_right || line.front() == '-';
            options.emplace_back(trimmed(sign ? line.substr(1) : line), is_right);
            right += is_right ? 1 : 0;
        }
        body["options"] = nlohmann::json::array();
        for (const auto& [text, is_right] : options)
            body["options"].push_back(
                {{"text", text}, {"fraction", is_right ? std::round(1e7 / std::max(right, 1)) / 1e7 : 0.0}});
    } else if (kind == "truefalse") {
        if (items.size() == 1 && (items[0] == "true" || items[0] == "верно")) body["answer"] = true;
        else if (items.size() == 1 && (items[0] == "false" || items[0] == "неверно")) body["answer"] = false;
        else if (!items.empty())
            throw InputError("answers", tr("Answers"), tr("write true or false on one line"));
    } else if (kind == "shortanswer") {
        body["answers"] = nlohmann::json::array();
        for (const auto& line : items) body["answers"].push_back({{"text", line}, {"fraction", 1.0}});
        body["case_sensitive"] = keep.value("case_sensitive", false);
    } else if (kind == "tariff_math") {
        try {
            body = nlohmann::json::parse(lines);
        } catch (const nlohmann::json::exception&) {
            throw InputError("answers", tr("Generator parameters"), tr("are not JSON"));
        }
    }
    if (body.is_object() && keep.contains("files")) body["files"] = keep.at("files");
    if (body.is_object() && keep.contains("format")) body["format"] = keep.at("format");
    return body;
}

std::string question_body_as_lines(const std::string& kind, const nlohmann::json& body) {
    std::string out;
    if (kind == "single" || kind == "multiple") {
        for (const auto& o : body.value("options", nlohmann::json::array()))
            out += std::string(o.value("fraction", 0.0) > 0 ? "+ " : "- ") + o.at("text").get<std::string>() + "\n";
    } else if (kind == "truefalse") {
        out = body.value("answer", false) ? "true\n" : "false\n";
    } else if (kind == "shortanswer") {
        for (const auto& a : body.value("answers", nlohmann::json::array()))
            if (a.value("fraction", 1.0) >= 1.0) out += a.at("text").get<std::string>() + "\n";
    } else {
        nlohmann::json parameters = body;
        parameters.erase("files");
        parameters.erase("format");
        out = parameters.dump(2);
    }
    return out;
}

BankStats bank_stats(db::Database& db) {
    BankStats s;
    for (Topic t : kAllTopics) s.by_topic[t] = 0;
    std::string topic;
    long long n = 0;
    db::Statement st = db.query(
        "SELECT topic, COUNT(*) FROM question WHERE retired_at IS NULL GROUP BY topic", soci::into(topic), soci::into(n));
    st.execute();
    while (st.fetch()) {
        s.by_topic[topic_from_string(topic)] = static_cast<int>(n);
        s.total += static_cast<int>(n);
    }
    long long count = 0;
    db.run("SELECT COUNT(*) FROM question WHERE retired_at IS NOT NULL", soci::into(count));
    s.retired = static_cast<int>(count);
    db.run("SELECT COUNT(*) FROM question q JOIN question_version v ON v.question_id = q.id "
           "WHERE q.retired_at IS NULL AND v.kind = 'tariff_math' AND v.version_no = "
           "(SELECT MAX(w.version_no) FROM question_version w WHERE w.question_id = q.id)",
           soci::into(count));
    s.generated = static_cast<int>(count);
    db.run("SELECT COUNT(*) FROM question_version", soci::into(count));
    s.versions = static_cast<int>(count);
    return s;
}

}  // namespace salon::training
