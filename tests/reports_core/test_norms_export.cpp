// Norms and traffic in the exports (R-POS-4, R-POS-6) and the statuses in words: the figures are worked out by
// hand from the visits and ratings the test makes, and the files are read back (CSV as text; XLSX and PDF by
// their structure here, by LibreOffice and pdftotext in tests/cli/test_rewards_cli.sh).
#include "reports/core/DealerRewards.hpp"
#include "reports/core/NormsExport.hpp"
#include "tests/reports_core/RewardsFixture.hpp"
#include "tests/support/LanguageGuard.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace salon;
using namespace salon::reports;
using salon::test::LanguageGuard;
using salon::test::moscow_noon;
using salon::test::refusal;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Traffic : salon::test::RewardsFixture {
    std::string folder;
    Traffic() {
        folder = (std::filesystem::temp_directory_path() / ("salon-norms-" + std::to_string(::getpid()))).string();
        std::filesystem::create_directories(folder);
    }
    ~Traffic() {
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);
    }
    // A visitor who takes a ticket at `minutes` past noon (Moscow) on `day`, is called `wait` minutes later,
    // served, and rates the service.
    void visit(const std::string& day, int minutes, int wait, int rating) {
        using namespace salon::pos;
        db().set_clock(moscow_noon(day) + minutes * 60);
        const Visit v = take_ticket(db(), salon, VisitPurpose::service);
        db().set_clock(moscow_noon(day) + (minutes + wait) * 60);
        call_next(db(), specialist());
        finish_visit(db(), specialist(), v.id);
        rate_visit(db(), v.id, rating);
    }
    std::string run(NormsReportKind kind, ExportFormat format, const std::string& name) {
        const std::string path = folder + "/" + name;
        run_norms_export(db(), cli, {kind, "2026-09-01", "2026-09-30", 0, format, path});
        return path;
    }
};

}  // namespace

TEST_CASE("Period and dispute statuses are shown in words, Russian first", "[rewards][R-POS-2]") {
    {
        LanguageGuard russian(Language::russian);
        CHECK(period_status_title("open").str() == "открыт, ещё не рассчитан");
        CHECK(period_status_title("computed").str() == "рассчитан, ждёт проверки");
        CHECK(period_status_title("reviewed").str() == "проверен, ещё не закрыт");
        CHECK(period_status_title("locked").str() == "закрыт, выплачивается как рассчитан");
        CHECK(dispute_status_title("open").str() == "ждёт ответа головного офиса");
        CHECK(dispute_status_title("accepted").str() == "принят головным офисом");
        CHECK(dispute_status_title("rejected").str() == "отклонён головным офисом");
    }
    LanguageGuard english(Language::english);
    CHECK(period_status_title("computed").str() == "computed, awaiting review");
    CHECK(dispute_status_title("rejected").str() == "rejected by head office");
    CHECK(period_status_title("archived").str() == "archived");  // an unknown code as it is
}

TEST_CASE("Traffic by hour of day and weekday in the CSV, XLSX and PDF exports, counted by hand", "[rewards][R-POS-6]") {
    LanguageGuard english(Language::english);
    Traffic f;
    // Tuesday 15 September: three tickets in the 12 o'clock hour waiting 4, 6 and 8 minutes (average 6);
    // one at 13:10 waiting 2. Saturday 19 September: one at 12:00 waiting 10.
    f.visit("2026-09-15", 0, 4, 5);
    f.visit("2026-09-15", 20, 6, 5);
    f.visit("2026-09-15", 40, 8, 4);
    f.visit("2026-09-15", 70, 2, 2);
    f.visit("2026-09-19", 0, 10, 5);

    const std::string csv = slurp(f.run(NormsReportKind::traffic, ExportFormat::csv, "traffic.csv"));
    // 5 visitors in 3 distinct opening hours (Tue 12, Tue 13, Sat 12): 1.7 an hour; average wait 30/5 = 6.0.
    CHECK_THAT(csv, Catch::Contains(";5;1.7;6.0\n"));
    // By hour: 12 o'clock 4 visitors waiting (4+6+8+10)/4 = 7.0; 13 o'clock 1 waiting 2.0; 11 o'clock none.
    CHECK_THAT(csv, Catch::Contains(";12;4;7.0\n"));
    CHECK_THAT(csv, Catch::Contains(";13;1;2.0\n"));
    CHECK_THAT(csv, Catch::Contains(";11;0;0.0\n"));
    // By weekday: Tuesday 4 visitors waiting 20/4 = 5.0, Saturday 1 waiting 10.0, Monday none.
    CHECK_THAT(csv, Catch::Contains(";Tuesday;4;5.0\n"));
    CHECK_THAT(csv, Catch::Contains(";Saturday;1;10.0\n"));
    CHECK_THAT(csv, Catch::Contains(";Monday;0;0.0\n"));

    // The XLSX is a zip holding the sheets and native charts (their names are stored uncompressed).
    const std::string xlsx = slurp(f.run(NormsReportKind::traffic, ExportFormat::xlsx, "traffic.xlsx"));
    CHECK(xlsx.rfind("PK", 0) == 0);
    CHECK_THAT(xlsx, Catch::Contains("xl/charts/chart1.xml"));
    CHECK_THAT(xlsx, Catch::Contains("xl/worksheets/sheet3.xml"));  // traffic, by hour, by weekday
    const std::string pdf = slurp(f.run(NormsReportKind::traffic, ExportFormat::pdf, "traffic.pdf"));
    CHECK(pdf.rfind("%PDF", 0) == 0);
}

TEST_CASE("Norms in the exports: each specialist's shares against the thresholds", "[rewards][R-POS-4]") {
    LanguageGuard english(Language::english);
    Traffic f;
    // Ratings 5, 5, 4, 2: three good of four, 75% against the 85% norm: not met.
    for (int rating : {5, 5, 4, 2}) f.visit("2026-09-15", 0, 1, rating);
    const std::string csv = slurp(f.run(NormsReportKind::norms, ExportFormat::csv, "norms.csv"));
    CHECK_THAT(csv, Catch::Contains(";3;4;75;85;no\n"));
    CHECK_THAT(csv, Catch::Contains("Good-rating share, %"));
    const std::string xlsx = slurp(f.run(NormsReportKind::norms, ExportFormat::xlsx, "norms.xlsx"));
    CHECK_THAT(xlsx, Catch::Contains("xl/charts/chart1.xml"));
    const std::string pdf = slurp(f.run(NormsReportKind::norms, ExportFormat::pdf, "norms.pdf"));
    CHECK(pdf.rfind("%PDF", 0) == 0);
}

TEST_CASE("A norms export refuses a bad path, a bad span or JSON, and writes nothing", "[rewards][R-POS-4]") {
    LanguageGuard english(Language::english);
    Traffic f;
    const std::string nowhere = f.folder + "/no-such-folder/n.csv";
    CHECK_THAT(refusal([&] {
                   run_norms_export(f.db(), f.cli, {NormsReportKind::norms, "2026-09-01", "2026-09-30", 0,
                                                    ExportFormat::csv, nowhere});
               }),
               Catch::Contains("Output file"));
    const std::string path = f.folder + "/n.csv";
    CHECK_THAT(refusal([&] {
                   run_norms_export(f.db(), f.cli, {NormsReportKind::traffic, "2026-09-30", "2026-09-01", 0,
                                                    ExportFormat::csv, path});
               }),
               Catch::Contains("To"));
    CHECK_THAT(refusal([&] {
                   run_norms_export(f.db(), f.cli, {NormsReportKind::norms, "2026-09-01", "2026-09-30", 0,
                                                    ExportFormat::json, path});
               }),
               Catch::Contains("csv, xlsx or pdf"));
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + ".part"));
}
