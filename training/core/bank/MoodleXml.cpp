#include "training/core/bank/MoodleXml.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "training/core/bank/QuestionBank.hpp"
#include "training/core/bank/QuestionCategory.hpp"
#include "training/core/bank/TariffQuestion.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

namespace salon::training {

namespace {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

const char* name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool is(const xmlNode* n, const char* name) {
    return n && n->type == XML_ELEMENT_NODE && std::string(name_of(n)) == name;
}

const xmlNode* child(const xmlNode* parent, const char* name) {
    if (!parent) return nullptr;
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (is(c, name)) return c;
    return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* parent, const char* name) {
    std::vector<const xmlNode*> out;
    if (!parent) return out;
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (is(c, name)) out.push_back(c);
    return out;
}

std::string content(const xmlNode* n) {
    if (!n) return "";
    xmlChar* c = xmlNodeGetContent(n);
    std::string out = c ? reinterpret_cast<const char*>(c) : "";
    xmlFree(c);
    return out;
}

std::string attribute(const xmlNode* n, const char* name) {
    if (!n) return "";
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

// <element><text>..</text></element>: the text of an element that wraps it, as Moodle writes every text.
std::string wrapped_text(const xmlNode* parent, const char* element) { return content(child(child(parent, element), "text")); }

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// "$course$/top/География/Столицы" -> "География/Столицы": the context and Moodle's "top" are Moodle's own.
std::string category_below_top(const std::string& moodle_path) {
    auto elements = category_elements(moodle_path);
    if (!elements.empty() && elements.front().size() > 1 && elements.front().front() == '$' &&
        elements.front().back() == '$')
        elements.erase(elements.begin());
    if (!elements.empty() && elements.front() == "top") elements.erase(elements.begin());
    std::string out;
    for (std::size_t i = 0; i < elements.size(); ++i) out += (i ? "/" : "") + elements[i];
    return out;
}

double fraction_attribute(const xmlNode* answer) {
    const std::string f = trimmed(attribute(answer, "fraction"));
    if (f.empty()) return 0.0;
    try {
        return std::stod(f) / 100.0;
    } catch (const std::exception&) {
        return 2.0;  // out of range: the bank's check refuses it, naming the options
    }
}

// Refuses the whole file when one of its texts is longer than the bank takes: a file that large is not a
// question bank, and nothing of it is saved.
void refuse_oversized(const xmlNode* q, const std::string& label) {
    auto refuse = [&](const char* what, std::size_t max) {
        throw ValidationError(tr("File"), trf("question «{1}»: {2} is longer than {3} characters; nothing was imported",
                                              {label, what, std::to_string(max)}));
    };
    if (characters(wrapped_text(q, "questiontext")) > kMaxQuestionTextCharacters)
        refuse("questiontext", kMaxQuestionTextCharacters);
    if (characters(wrapped_text(q, "generalfeedback")) > kMaxExplanationCharacters)
        refuse("generalfeedback", kMaxExplanationCharacters);
    if (characters(wrapped_text(q, "name")) > 255) refuse("name", 255);
    for (const xmlNode* a : children(q, "answer"))
        if (characters(content(child(a, "text"))) > kMaxOptionCharacters) refuse("answer", kMaxOptionCharacters);
    std::size_t files = 0;
    for (const xmlNode* element = q->children; element; element = element->next)
        for (const xmlNode* f : children(element, "file")) {
            if (++files > kMaxFiles) refuse("files", kMaxFiles);
            if (content(f).size() > kMaxFileBase64Bytes)
                throw ValidationError(tr("File"), trf("question «{1}»: file {2} is larger than {3} MB; nothing was imported",
                                                      {label, attribute(f, "name"),
                                                       std::to_string(kMaxFileBase64Bytes / 1024 / 1024)}));
        }
}

// The form of a question Moodle wrote; throws InputError when the bank's check refuses it.
QuestionForm form_of(const xmlNode* q, const std::string& type, const std::string& category, Topic topic) {
    QuestionForm f;
    f.topic = std::string(to_string(topic));
    f.category = category;
    f.name = trimmed(wrapped_text(q, "name"));
    f.text = wrapped_text(q, "questiontext");
    f.explanation = wrapped_text(q, "generalfeedback");
    nlohmann::json body = nlohmann::json::object();
    if (attribute(child(q, "questiontext"), "format") == "html") body["format"] = "html";
    nlohmann::json files = nlohmann::json::array();
    for (const xmlNode* element = q->children; element; element = element->next)
        for (const xmlNode* file : children(element, "file"))
            files.push_back({{"name", attribute(file, "name")},
                             {"encoding", attribute(file, "encoding")},
                             {"data", trimmed(content(file))},
                             {"in", name_of(element)}});
    if (!files.empty()) body["files"] = files;

    if (const xmlNode* generated = child(q, "salon_tariff_math")) {
        // The station's own export: the generator's parameters and the text as the bank keeps them.
        nlohmann::json saved;
        try {
            saved = nlohmann::json::parse(content(generated));
        } catch (const nlohmann::json::exception&) {
            throw pos::InputError("parameters", tr("Generator parameters"), tr("are not JSON"));
        }
        if (!saved.is_object()) throw pos::InputError("parameters", tr("Generator parameters"), tr("are not JSON"));
        f.kind = "tariff_math";
        f.text = saved.value("text", std::string());
        f.explanation = saved.value("explanation", std::string());
        f.body = saved.value("body", nlohmann::json::object());
        return checked_question(f);
    }
    if (type == "multichoice") {
        const std::string single = trimmed(content(child(q, "single")));
        f.kind = single == "false" || single == "0" ? "multiple" : "single";
        nlohmann::json options = nlohmann::json::array();
        for (const xmlNode* a : children(q, "answer")) {
            nlohmann::json o = {{"text", content(child(a, "text"))}, {"fraction", fraction_attribute(a)}};
            const std::string feedback = wrapped_text(a, "feedback");
            if (!trimmed(feedback).empty()) o["feedback"] = feedback;
            options.push_back(o);
        }
        body["options"] = options;
    } else if (type == "truefalse") {
        f.kind = "truefalse";
        for (const xmlNode* a : children(q, "answer"))
            if (fraction_attribute(a) >= 1.0) {
                const std::string said = trimmed(content(child(a, "text")));
                if (said == "true") body["answer"] = true;
                if (said == "false") body["answer"] = false;
            }
    } else {  // shortanswer
        f.kind = "shortanswer";
        body["case_sensitive"] = trimmed(content(child(q, "usecase"))) == "1";
        nlohmann::json answers = nlohmann::json::array();
        for (const xmlNode* a : children(q, "answer"))
            answers.push_back({{"text", content(child(a, "text"))}, {"fraction", fraction_attribute(a)}});
        body["answers"] = answers;
    }
    f.body = body;
    return checked_question(f);
}

// What makes two questions the same for the import: a file imported twice adds nothing the second time.
std::string identity(const QuestionForm& f) {
    return nlohmann::json::array({f.topic, f.category, f.kind, f.name, f.text, f.explanation, f.body}).dump();
}

std::set<std::string> identities_in_bank(db::Database& db, const pos::Actor& actor) {
    std::set<std::string> out;
    for (const auto& q : list_questions(db, actor, {std::nullopt, false})) {
        QuestionForm f;
        f.topic = std::string(to_string(q.topic));
        f.category = q.category;
        f.kind = q.current.kind;
        f.name = q.current.name;
        f.text = q.current.text;
        f.explanation = q.current.explanation;
        f.body = q.current.body;
        out.insert(identity(f));
    }
    return out;
}

}  // namespace

MoodleFile read_moodle_xml(const std::string& xml, const MoodleImportOptions& options) {
    if (xml.size() > kMaxMoodleFileBytes)
        throw ValidationError(tr("File"), trf("is larger than {1} MB; nothing was imported",
                                              {std::to_string(kMaxMoodleFileBytes / 1024 / 1024)}));
    xmlResetLastError();
    // No network, no entity substitution, no DTD loading: the file is data, never instructions to the parser.
    DocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "moodle.xml", nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!doc) {
        const xmlError* e = xmlGetLastError();
        std::string why = e && e->message ? trimmed(e->message) : std::string("?");
        if (e) why += " (" + trf("line {1}", {std::to_string(e->line)}).str() + ")";
        throw ValidationError(tr("File"), trf("is not XML: {1}", {why}));
    }
    if (doc->intSubset || doc->extSubset)
        throw ValidationError(tr("File"), tr("declares a DTD: Moodle's files have none; nothing was imported"));
    const xmlNode* quiz = xmlDocGetRootElement(doc.get());
    if (!is(quiz, "quiz"))
        throw ValidationError(tr("File"), tr("is not a Moodle XML question file: its root element is not <quiz>"));

    MoodleFile file;
    const auto entries = children(quiz, "question");
    for (const xmlNode* q : entries)
        if (attribute(q, "type") != "category") ++file.questions;
    if (static_cast<std::size_t>(file.questions) > kMaxMoodleQuestions)
        throw ValidationError(tr("File"), trf("holds {1} questions, more than the {2} one import takes; nothing was imported",
                                              {std::to_string(file.questions), std::to_string(kMaxMoodleQuestions)}));

    std::string category;
    int position = 0;
    for (const xmlNode* q : entries) {
        const std::string type = attribute(q, "type");
        if (type == "category") {
            category = category_below_top(wrapped_text(q, "category"));
            continue;
        }
        ++position;
        MoodleEntry entry;
        entry.type = type;
        entry.label = trimmed(wrapped_text(q, "name"));
        if (entry.label.empty()) entry.label = type + " #" + std::to_string(position);
        refuse_oversized(q, entry.label);
        if (type != "multichoice" && type != "truefalse" && type != "shortanswer") {
            entry.skipped = trf("the station does not run {1} questions", {type}).str();
            file.entries.push_back(std::move(entry));
            continue;
        }
        std::optional<Topic> topic = options.topic;
        if (!topic) {
            const auto elements = category_elements(category);
            if (!elements.empty()) topic = topic_named_by(elements.front());
        }
        if (!topic) {
            entry.skipped =
                trf("its topic cannot be told from the category «{1}»: the first category below top must be "
                    "География, Русский язык, Выбор тарифа or Компьютеры и гаджеты (or use --topic)",
                    {category})
                    .str();
            file.entries.push_back(std::move(entry));
            continue;
        }
        try {
            entry.form = form_of(q, type, category, *topic);
        } catch (const pos::InputError& e) {
            entry.skipped = e.message();
        }
        file.entries.push_back(std::move(entry));
    }
    return file;
}

MoodleImportReport import_moodle_xml(db::Database& db, const pos::Actor& actor, const std::string& xml,
                                     const MoodleImportOptions& options) {
    actor.require(db, pos::Permission::run_training);
    const MoodleFile file = read_moodle_xml(xml, options);

    MoodleImportReport report;
    report.questions = file.questions;
    std::vector<std::pair<QuestionForm, std::string>> accepted;  // form, origin
    std::set<std::string> seen = identities_in_bank(db, actor);
    for (const MoodleEntry& entry : file.entries) {
        if (!entry.form) {
            report.skipped.push_back({entry.label, entry.type, entry.skipped});
            continue;
        }
        if (!seen.insert(identity(*entry.form)).second) {
            report.skipped.push_back({entry.label, entry.type, tr("already in the bank, unchanged").str()});
            continue;
        }
        const std::string origin = entry.form->kind == "tariff_math" ? "generated" : "imported";
        accepted.emplace_back(*entry.form, origin);
    }
    db::WriteTransaction tx(db);
    for (const auto& [form, origin] : accepted) report.imported.push_back(store_question(db, actor, form, origin));
    actor.record(db, "training.bank.import", "question_bank",
                 "imported " + std::to_string(report.imported.size()) + " of " + std::to_string(report.questions) +
                     " Moodle questions, skipped " + std::to_string(report.skipped.size()));
    tx.commit();
    return report;
}

namespace {

class XmlOut {
public:
    XmlOut() : buffer_(xmlBufferCreate()), writer_(xmlNewTextWriterMemory(buffer_, 0)) {
        xmlTextWriterSetIndent(writer_, 1);
        xmlTextWriterSetIndentString(writer_, reinterpret_cast<const xmlChar*>("  "));
        xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", nullptr);
    }
    ~XmlOut() {
        if (writer_) xmlFreeTextWriter(writer_);
        xmlBufferFree(buffer_);
    }
    XmlOut(const XmlOut&) = delete;
    XmlOut& operator=(const XmlOut&) = delete;

    void start(const char* element) { xmlTextWriterStartElement(writer_, x(element)); }
    void end() { xmlTextWriterEndElement(writer_); }
    void attribute(const char* name, const std::string& value) {
        xmlTextWriterWriteAttribute(writer_, x(name), x(value.c_str()));
    }
    void comment(const std::string& text) { xmlTextWriterWriteComment(writer_, x(text.c_str())); }
    // Text as Moodle writes it: in CDATA when it holds markup characters, escaped when CDATA cannot hold it.
    void text(const std::string& value) {
        if (value.find_first_of("<>&") != std::string::npos && value.find("]]>") == std::string::npos)
            xmlTextWriterWriteCDATA(writer_, x(value.c_str()));
        else
            xmlTextWriterWriteString(writer_, x(value.c_str()));
    }
    void element(const char* name, const std::string& value) {
        start(name);
        text(value);
        end();
    }
    // <name><text>value</text></name>, with `format` when given.
    void wrapped(const char* name, const std::string& value, const char* format = nullptr) {
        start(name);
        if (format) attribute("format", format);
        element("text", value);
        end();
    }
    std::string finish() {
        xmlTextWriterEndDocument(writer_);
        xmlFreeTextWriter(writer_);
        writer_ = nullptr;
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                           static_cast<std::size_t>(xmlBufferLength(buffer_)));
    }

private:
    static const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
    xmlBufferPtr buffer_;
    xmlTextWriterPtr writer_;
};

// Moodle's percent: 100, 50, 33.33333, -100.
std::string percent(double fraction) {
    const double p = fraction * 100.0;
    if (std::fabs(p - std::round(p)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(p)));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5f", p);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
}

void write_files(XmlOut& out, const nlohmann::json& body, const std::string& in) {
    if (!body.contains("files")) return;
    for (const auto& f : body.at("files")) {
        if (f.value("in", std::string("questiontext")) != in) continue;
        out.start("file");
        out.attribute("name", f.at("name").get<std::string>());
        out.attribute("path", "/");
        out.attribute("encoding", "base64");
        out.text(f.at("data").get<std::string>());
        out.end();
    }
}

void write_common(XmlOut& out, const QuestionVersion& v, const std::string& text, const std::string& explanation,
                  const char* format, const char* penalty) {
    // An empty name stays empty: Moodle makes one from the text on import, and the station reads it back empty.
    out.wrapped("name", v.name);
    out.start("questiontext");
    out.attribute("format", format);
    out.element("text", text);
    write_files(out, v.body, "questiontext");
    out.end();
    out.start("generalfeedback");
    out.attribute("format", format);
    out.element("text", explanation);
    write_files(out, v.body, "generalfeedback");
    out.end();
    out.element("defaultgrade", "1.0000000");
    out.element("penalty", penalty);
    out.element("hidden", "0");
    out.element("idnumber", "");
}

void write_choice(XmlOut& out, const QuestionVersion& v, const std::string& text, const std::string& explanation,
                  const char* format, bool single, const std::vector<std::pair<std::string, double>>& options,
                  const nlohmann::json& feedback, const nlohmann::json* generated) {
    out.start("question");
    out.attribute("type", "multichoice");
    write_common(out, v, text, explanation, format, "0.3333333");
    out.element("single", single ? "true" : "false");
    out.element("shuffleanswers", "true");
    out.element("answernumbering", "abc");
    out.element("showstandardinstruction", "0");
    out.wrapped("correctfeedback", "Ваш ответ верный.", "html");
    out.wrapped("partiallycorrectfeedback", "Ваш ответ частично правильный.", "html");
    out.wrapped("incorrectfeedback", "Ваш ответ неправильный.", "html");
    out.start("shownumcorrect");
    out.end();
    for (std::size_t i = 0; i < options.size(); ++i) {
        out.start("answer");
        out.attribute("fraction", percent(options[i].second));
        out.attribute("format", format);
        out.element("text", options[i].first);
        out.wrapped("feedback", feedback.is_array() && i < feedback.size() ? feedback[i].get<std::string>() : "", format);
        out.end();
    }
    if (generated) out.element("salon_tariff_math", generated->dump());
    out.end();
}

void write_question(XmlOut& out, db::Database& db, const Question& q) {
    const QuestionVersion& v = q.current;
    const char* format = v.body.value("format", std::string()) == "html" ? "html" : "plain_text";
    out.comment(" question: " + std::to_string(q.id) + "  ");
    if (v.kind == "single" || v.kind == "multiple") {
        std::vector<std::pair<std::string, double>> options;
        nlohmann::json feedback = nlohmann::json::array();
        for (const auto& o : v.body.at("options")) {
            options.emplace_back(o.at("text").get<std::string>(), o.value("fraction", 0.0));
            feedback.push_back(o.value("feedback", std::string()));
        }
        write_choice(out, v, v.text, v.explanation, format, v.kind == "single", options, feedback, nullptr);
    } else if (v.kind == "tariff_math") {
        // Today's rendering for Moodle; the parameters for the station (see the header).
        std::mt19937_64 random(static_cast<std::uint64_t>(v.id));
        const GeneratedQuestion g = generate_tariff_question(db, v.body, random);
        std::vector<std::pair<std::string, double>> options;
        for (std::size_t i = 0; i < g.shown.options.size(); ++i) {
            bool right = false;
            for (const auto& r : g.shown.right_answer) right = right || r.get<std::size_t>() == i;
            options.emplace_back(g.shown.options[i], right ? 1.0 : 0.0);
        }
        const nlohmann::json saved = {{"text", v.text}, {"explanation", v.explanation}, {"body", v.body}};
        write_choice(out, v, g.shown.text, g.explanation, "plain_text", true, options, nullptr, &saved);
    } else if (v.kind == "truefalse") {
        out.start("question");
        out.attribute("type", "truefalse");
        write_common(out, v, v.text, v.explanation, format, "1.0000000");
        const bool answer = v.body.at("answer").get<bool>();
        for (const bool said : {true, false}) {
            out.start("answer");
            out.attribute("fraction", said == answer ? "100" : "0");
            out.attribute("format", "moodle_auto_format");
            out.element("text", said ? "true" : "false");
            out.wrapped("feedback", "", "html");
            out.end();
        }
        out.end();
    } else {  // shortanswer
        out.start("question");
        out.attribute("type", "shortanswer");
        write_common(out, v, v.text, v.explanation, format, "0.3333333");
        out.element("usecase", v.body.value("case_sensitive", false) ? "1" : "0");
        for (const auto& a : v.body.at("answers")) {
            out.start("answer");
            out.attribute("fraction", percent(a.value("fraction", 1.0)));
            out.attribute("format", "moodle_auto_format");
            out.element("text", a.at("text").get<std::string>());
            out.wrapped("feedback", "", "html");
            out.end();
        }
        out.end();
    }
}

}  // namespace

std::string export_moodle_xml(db::Database& db, const pos::Actor& actor) {
    auto questions = list_questions(db, actor, {std::nullopt, false});
    std::stable_sort(questions.begin(), questions.end(), [](const Question& a, const Question& b) {
        return a.category != b.category ? a.category < b.category : a.id < b.id;
    });
    XmlOut out;
    out.start("quiz");
    std::optional<std::string> category;
    for (const auto& q : questions) {
        if (category != q.category) {
            category = q.category;
            out.comment(" question: 0  ");
            out.start("question");
            out.attribute("type", "category");
            out.wrapped("category", "$course$/top/" + q.category);
            out.wrapped("info", "", "html");
            out.element("idnumber", "");
            out.end();
        }
        write_question(out, db, q);
    }
    out.end();
    return out.finish();
}

namespace {
struct HtmlDocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

void collect_text(const xmlNode* n, std::string& out) {
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            out += reinterpret_cast<const char*>(n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            const std::string name = name_of(n);
            if (name == "script" || name == "style") continue;
            if (name == "br") {
                out += '\n';
                continue;
            }
            collect_text(n->children, out);
            if (name == "p" || name == "div" || name == "li" || name == "tr" || name == "h1" || name == "h2" ||
                name == "h3")
                out += '\n';
        }
    }
}
}  // namespace

std::string plain_text(const std::string& html) {
    if (html.find('<') == std::string::npos && html.find('&') == std::string::npos) return html;
    std::unique_ptr<xmlDoc, HtmlDocFree> doc(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED));
    if (!doc) return html;
    std::string out;
    collect_text(doc->children, out);
    // Runs of white space inside a line become one space; lines are kept, empty ones dropped.
    std::string lines, line;
    auto flush = [&] {
        const std::string t = trimmed(line);
        if (!t.empty()) lines += (lines.empty() ? "" : "\n") + t;
        line.clear();
    };
    bool space = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const char c = out[i];
        if (c == '\n') {
            flush();
            space = false;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            space = true;
        } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < out.size() &&
                   static_cast<unsigned char>(out[i + 1]) == 0xA0) {  // &nbsp;
            space = true;
            ++i;
        } else {
            if (space && !line.empty()) line += ' ';
            space = false;
            line += c;
        }
    }
    flush();
    return lines;
}

}  // namespace salon::training
