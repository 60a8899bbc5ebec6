// Moodle XML import and export (R-TRN-6): a Moodle 4 file read with its categories, kinds, HTML and images;
// question types the station does not run reported by name; export → import gives the same bank; hostile
// files refused whole with nothing saved.
#include "tests/training_core/BankFixture.hpp"
#include "training/core/bank/MoodleXml.hpp"
#include "training/core/bank/ShippedQuestionBank.hpp"
#include "training/core/bank/ShownQuestion.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

using namespace salon;
using namespace salon::training;

namespace {

std::string fixture(const char* name) {
    std::ifstream in(std::string(SALON_MOODLE_FIXTURES) + "/" + name, std::ios::binary);
    REQUIRE(in);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const MoodleSkipped* skipped_named(const MoodleImportReport& r, const std::string& name) {
    for (const auto& s : r.skipped)
        if (s.name == name) return &s;
    return nullptr;
}

// What the bank holds, as a set comparable across two databases (ids aside).
std::multiset<std::string> bank_contents(db::Database& db, const pos::Actor& actor) {
    std::multiset<std::string> out;
    for (const auto& q : list_questions(db, actor, {std::nullopt, false}))
        out.insert(nlohmann::json::array({std::string(to_string(q.topic)), q.category, q.current.kind, q.current.name,
                                          q.current.text, q.current.explanation, q.current.body})
                       .dump());
    return out;
}

std::string quiz_of(int questions, const std::string& text = "Вопрос?") {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n<question type=\"category\"><category>"
                      "<text>$course$/top/География</text></category></question>\n";
    for (int i = 0; i < questions; ++i)
        xml += "<question type=\"truefalse\"><name><text>В" + std::to_string(i) +
               "</text></name><questiontext format=\"html\"><text><![CDATA[" + text +
               "]]></text></questiontext><answer fraction=\"100\"><text>true</text></answer>"
               "<answer fraction=\"0\"><text>false</text></answer></question>\n";
    return xml + "</quiz>\n";
}

}  // namespace

TEST_CASE("A Moodle 4 file is imported with its categories, kinds, HTML and images; other types are reported",
          "[training][R-TRN-6]") {
    test::BankFixture f;
    const MoodleImportReport r = import_moodle_xml(f.db(), f.trainer, fixture("moodle4_sample.xml"));
    CHECK(r.questions == 9);
    CHECK(r.imported.size() == 5);
    REQUIRE(r.skipped.size() == 4);
    REQUIRE(skipped_named(r, "Эссе о роуминге"));
    CHECK(skipped_named(r, "Эссе о роуминге")->type == "essay");
    CHECK(skipped_named(r, "Эссе о роуминге")->reason.find("essay") != std::string::npos);
    REQUIRE(skipped_named(r, "Ударения"));
    CHECK(skipped_named(r, "Ударения")->type == "matching");
    REQUIRE(skipped_named(r, "Мегабайты в гигабайте"));
    CHECK(skipped_named(r, "Мегабайты в гигабайте")->type == "numerical");
    REQUIRE(skipped_named(r, "Вопрос без темы"));  // "Default for ..." names no topic
    CHECK(skipped_named(r, "Вопрос без темы")->reason.find("Default for") != std::string::npos);

    std::map<std::string, Question> by_name;
    for (const auto& q : list_questions(f.db(), f.trainer)) by_name[q.current.name] = q;
    const Question& lisbon = by_name.at("Столица Португалии");
    CHECK(lisbon.topic == Topic::geography);
    CHECK(lisbon.category == "География/Столицы Европы");
    CHECK(lisbon.origin == "imported");
    CHECK(lisbon.current.kind == "single");
    CHECK(lisbon.current.text.find("<strong>столица</strong>") != std::string::npos);
    REQUIRE(lisbon.current.body.at("files").size() == 1);
    CHECK(lisbon.current.body.at("files")[0].at("name") == "flag.png");
    CHECK(lisbon.current.explanation.find("Лиссабон") != std::string::npos);
    std::mt19937_64 random(5);
    const ShownQuestion shown = render_question(f.db(), lisbon.current.id, random);
    CHECK(shown.text == "Какой город — столица Португалии?");
    CHECK(shown.options.at(shown.right_answer[0].get<std::size_t>()) == "Лиссабон");

    const Question& benelux = by_name.at("Страны Бенилюкса");
    CHECK(benelux.current.kind == "multiple");
    CHECK(benelux.current.body.at("options")[0].at("fraction").get<double>() == Approx(1.0 / 3).epsilon(1e-6));
    CHECK(benelux.current.body.at("options")[3].at("fraction").get<double>() == -1.0);
    CHECK(by_name.at("Шенген и Швейцария").current.kind == "truefalse");
    CHECK(by_name.at("Шенген и Швейцария").current.body.at("answer") == true);
    const Question& coffee = by_name.at("Род слова «кофе»");
    CHECK(coffee.topic == Topic::russian);
    CHECK(coffee.current.kind == "shortanswer");
    CHECK(coffee.current.body.at("answers").size() == 2);
    CHECK(coffee.current.body.at("case_sensitive") == false);
    CHECK(by_name.at("Что такое NFC").topic == Topic::gadgets);
    CHECK(by_name.at("Что такое NFC").category == "Компьютеры и гаджеты/Связь");

    // The same file again adds nothing: every question is already in the bank.
    const MoodleImportReport again = import_moodle_xml(f.db(), f.trainer, fixture("moodle4_sample.xml"));
    CHECK(again.imported.empty());
    CHECK(f.count("SELECT COUNT(*) FROM question") == 5);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'training.bank.import'") == 2);
}

TEST_CASE("An explicit topic takes every question of a file whatever its category", "[training][R-TRN-6]") {
    test::BankFixture f;
    const MoodleImportReport r = import_moodle_xml(f.db(), f.trainer, fixture("moodle4_sample.xml"), {Topic::gadgets});
    CHECK(r.imported.size() == 6);  // the question without a topic too
    for (const auto& q : list_questions(f.db(), f.trainer)) CHECK(q.topic == Topic::gadgets);
}

TEST_CASE("Export to Moodle XML and import into an empty bank give the same bank", "[training][R-TRN-6]") {
    test::BankFixture f;
    seed_question_bank(f.db(), f.trainer);
    import_moodle_xml(f.db(), f.trainer, fixture("moodle4_sample.xml"));
    retire_question(f.db(), f.trainer, list_questions(f.db(), f.trainer).front().id);
    auto unnamed = test::capital_of_turkey();
    unnamed.name.clear();
    unnamed.category = "География/Без имени";
    add_question(f.db(), f.trainer, unnamed);
    const std::string xml = export_moodle_xml(f.db(), f.trainer);
    CHECK(xml.find("<question type=\"category\">") != std::string::npos);
    CHECK(xml.find("$course$/top/География/Столицы") != std::string::npos);
    CHECK(xml.find("<salon_tariff_math>") != std::string::npos);

    test::BankFixture other;
    const MoodleImportReport r = import_moodle_xml(other.db(), other.trainer, xml);
    CHECK(r.skipped.empty());
    CHECK(static_cast<int>(r.imported.size()) == bank_stats(f.db()).total);
    CHECK(bank_contents(other.db(), other.trainer) == bank_contents(f.db(), f.trainer));
    CHECK(bank_stats(other.db()).generated == bank_stats(f.db()).generated);
}

TEST_CASE("A generated tariff question is exported as today's multichoice with its right answer",
          "[training][R-TRN-6]") {
    test::BankFixture f;
    QuestionForm q;
    q.topic = q.kind = "tariff_math";
    q.text = "Какой тариф выгоднее?";
    q.body = {{"ask", "cheapest"}, {"profile", {{"minutes_russia", 150}, {"sms", 10}}}};
    add_question(f.db(), f.trainer, q);
    const std::string xml = export_moodle_xml(f.db(), f.trainer);
    CHECK(xml.find("<question type=\"multichoice\">") != std::string::npos);
    const auto right = xml.find("<answer fraction=\"100\" format=\"plain_text\">");
    REQUIRE(right != std::string::npos);
    CHECK(xml.substr(right, 120).find("Классический") != std::string::npos);
}

TEST_CASE("Hostile Moodle files are refused whole and nothing is saved", "[training][R-TRN-6]") {
    test::BankFixture f;
    import_moodle_xml(f.db(), f.trainer, quiz_of(2));
    const auto before = f.count("SELECT COUNT(*) FROM question");
    const auto journal = f.count("SELECT COUNT(*) FROM audit_entry");
    auto refused = [&](const std::string& xml) {
        try {
            import_moodle_xml(f.db(), f.trainer, xml);
        } catch (const ValidationError& e) {
            return e.message();
        }
        return std::string();
    };
    CHECK(refused("this is not XML at all").find("XML") != std::string::npos);
    CHECK_FALSE(refused("<quiz><question type=\"truefalse\">").empty());
    CHECK(refused("<?xml version=\"1.0\"?><html><body/></html>").find("quiz") != std::string::npos);
    CHECK(refused(quiz_of(static_cast<int>(kMaxMoodleQuestions) + 1)).find("2001") != std::string::npos);
    CHECK_FALSE(refused(quiz_of(3, std::string(kMaxQuestionTextCharacters + 1, 'x'))).empty());
    CHECK_FALSE(refused("<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                        "<quiz><question type=\"truefalse\"><name><text>&b;</text></name></question></quiz>")
                      .empty());
    CHECK(f.count("SELECT COUNT(*) FROM question") == before);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry") == journal);
    // 10,000 questions: refused by count before anything is read into the bank.
    CHECK(refused(quiz_of(10000)).find("10000") != std::string::npos);
    CHECK(f.count("SELECT COUNT(*) FROM question") == before);
}

TEST_CASE("A specialist cannot import or export", "[training][R-TRN-6]") {
    test::BankFixture f;
    CHECK_THROWS_AS(import_moodle_xml(f.db(), f.specialist(), fixture("moodle4_sample.xml")), RefusedError);
    CHECK_THROWS_AS(export_moodle_xml(f.db(), f.specialist()), RefusedError);
    CHECK(f.count("SELECT COUNT(*) FROM question") == 0);
}
