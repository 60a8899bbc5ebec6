// salon-cli corporate export-users | import-users | compliance: a company's users' data (R-CORP-10..12);
// and salon-cli bench users-import: a 10 000-row template imported with full validation, timed beside
// LibreOffice opening the same file.
#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/common/OutsideInput.hpp"
#include "pos/core/catalog/TariffCatalog.hpp"
#include "pos/corporate/UsersCompliance.hpp"
#include "pos/corporate/UsersImport.hpp"
#include "pos/corporate/UsersTemplate.hpp"

#include <soci/soci.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace salon::cli {
using namespace salon::pos;

namespace {

CLI::App* bench_parent(CLI::App& app) {
    for (auto* sub : app.get_subcommands([](CLI::App* s) { return s->get_name() == "bench"; })) return sub;
    auto* bench = app.add_subcommand("bench", tr("Benchmarks on a scratch database").str());
    bench->require_subcommand(1);
    return bench;
}

nlohmann::json problems_json(const UsersImportPreview& p) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& x : p.problems) out.push_back({{"row", x.row}, {"column", x.column}, {"message", x.message}});
    return out;
}

void print_problems(const UsersImportPreview& p) {
    for (const auto& x : p.problems)
        std::cout << trf("Row {1}, «{2}»: {3}", {std::to_string(x.row), x.column, x.message}).str() << '\n';
}

struct ImportOptions {
    std::string inn, file, employee;
    bool dry_run = false, valid_only = false;
};

void run_import(CliContext& ctx, const ImportOptions& o) {
    auto db = ctx.open();
    const std::int64_t client = corporate_client_by_inn(*db, o.inn);
    const auto rows = read_users_file(o.file);
    UsersImportRequest request{client, std::nullopt, "file"};
    if (!o.employee.empty()) {
        request.employee_msisdn = o.employee;
        request.source = "desk";
    }
    const Actor actor = o.dry_run ? ctx.viewer(*db) : ctx.person(*db);
    UsersImportResult result;
    result.preview = preview_users_import(*db, actor, request, rows);
    if (!o.dry_run && (result.preview.ok() || o.valid_only)) result = import_users(*db, actor, request, rows, o.valid_only);
    const auto& p = result.preview;
    // Any rejected row without --valid-only: exit 1, nothing imported, every problem listed.
    const bool refused = !p.ok() && !o.valid_only;
    if (ctx.json) {
        nlohmann::json out{{"rows", p.rows},
                           {"valid", p.valid.size()},
                           {"imported", result.stored},
                           {"dry_run", o.dry_run},
                           {"problems", problems_json(p)}};
        if (result.list_id) out["list_id"] = result.list_id;
        if (refused) {
            ctx.failure = out;
        } else {
            out["ok"] = true;
            print_json(out);
        }
    } else {
        print_problems(p);
    }
    if (refused)
        throw ValidationError(tr("Users' data"), trn("{1} row rejected; nothing was imported",
                                                     "{1} rows rejected; nothing was imported",
                                                     static_cast<long long>(p.rows - p.valid.size())));
    if (ctx.json) return;
    if (o.dry_run)
        std::cout << trf("Checked {1} rows: {2} valid, {3} rejected; nothing imported (--dry-run).",
                         {std::to_string(p.rows), std::to_string(p.valid.size()),
                          std::to_string(p.rows - p.valid.size())})
                         .str()
                  << '\n';
    else
        std::cout << trf("Imported {1} of {2} rows (list {3}).",
                         {std::to_string(result.stored), std::to_string(p.rows), std::to_string(result.list_id)})
                         .str()
                  << '\n';
}

// The time `soffice --headless --convert-to csv` takes to open the workbook and write it out; nullopt
// when soffice is not installed.
std::optional<double> libreoffice_seconds(const std::string& xlsx) {
    if (std::system("command -v soffice >/dev/null 2>&1") != 0) return std::nullopt;
    const auto out = std::filesystem::path(xlsx).parent_path() / "soffice-out";
    std::filesystem::create_directories(out);
    const std::string profile = "file://" + (std::filesystem::path(xlsx).parent_path() / "soffice-profile").string();
    const std::string command = "soffice -env:UserInstallation=" + profile +
                                " --headless --convert-to csv --outdir '" + out.string() + "' '" + xlsx +
                                "' >/dev/null 2>&1";
    // A first run creates LibreOffice's profile: it is not what opening a file costs.
    std::system(command.c_str());
    const auto started = std::chrono::steady_clock::now();
    if (std::system(command.c_str()) != 0) return std::nullopt;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

void run_users_bench(CliContext& ctx, int rows) {
    if (rows < 1 || rows > static_cast<int>(kMaxImportRows))
        throw InputError("rows", tr("Rows"), trf("must be from 1 to {1}", {std::to_string(kMaxImportRows)}));
    auto db = ctx.open(true);
    const Actor actor = ctx.maintenance();
    // A company of its own with `rows` numbers, on a scratch database.
    import_tariff_catalog(*db, builtin_tariff_catalog());
    const std::string inn = "7707083893";
    long long client = 0;
    if (!db->run("SELECT id FROM corporate_client WHERE inn = :i", soci::use(inn), soci::into(client))) {
        const long long now = db->now();
        db->sql() << "INSERT INTO corporate_client (kind, inn, ogrn, kpp, official_name, contract_number, "
                     "contract_date, created_at) VALUES ('legal_entity', :i, '1027700132195', '773601001', "
                     "'ООО «Бенчмарк»', 'Б-1', '2026-01-01', :t)",
            soci::use(inn), soci::use(now);
        db->run("SELECT id FROM corporate_client WHERE inn = :i", soci::use(inn), soci::into(client));
    }
    long long tariff = 0;
    db->run("SELECT id FROM tariff WHERE segment = 'business' ORDER BY id", soci::into(tariff));
    std::vector<NumberWithUser> sheet;
    {
        db::WriteTransaction tx(*db);
        const long long now = db->now();
        for (int i = 0; i < rows; ++i) {
            char msisdn[16];
            std::snprintf(msisdn, sizeof msisdn, "+7995%07d", i);
            const std::string number = msisdn;
            int exists = 0;
            db->run("SELECT COUNT(*) FROM corporate_number WHERE msisdn = :m", soci::use(number), soci::into(exists));
            if (!exists)
                db->run("INSERT INTO corporate_number (client_id, msisdn, tariff_id, status, status_changed_at, "
                        "added_at) VALUES (:c, :m, :t, 'active', :s, :a)",
                        soci::use(client), soci::use(number), soci::use(tariff), soci::use(now), soci::use(now));
            NumberUserData u{number, "Иванов", "Иван", "Иванович", "", "г. Москва, ул. Тверская, д. 1, кв. " + std::to_string(i + 1),
                             "passport_rf", "", "ОВД района Тверской г. Москвы", ""};
            u.birth_date = CalendarDate::parse("1970-01-01", "d", tr("Date")).plus_days(i % 3650).iso();
            u.document_issued_on = CalendarDate::parse("2000-01-01", "d", tr("Date")).plus_days(i % 7000).iso();
            char passport[16];
            std::snprintf(passport, sizeof passport, "45%02d %06d", 10 + i % 80, 100000 + i);
            u.document_number = passport;
            sheet.push_back({0, number, u});
        }
        tx.commit();
    }
    const auto folder = std::filesystem::temp_directory_path() / ("salon-users-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const std::string path = (folder / "users.xlsx").string();
    write_users_workbook(path, sheet);

    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const auto read = read_users_file(path);
    const auto read_at = Clock::now();
    const auto result = import_users(*db, actor, {client, std::nullopt, "file"}, read, false);
    const auto done = Clock::now();
    const double read_s = std::chrono::duration<double>(read_at - started).count();
    const double total_s = std::chrono::duration<double>(done - started).count();
    const auto soffice = libreoffice_seconds(path);
    std::filesystem::remove_all(folder);

    if (ctx.json) {
        nlohmann::json out{{"ok", true},
                           {"rows", rows},
                           {"imported", result.stored},
                           {"read_seconds", read_s},
                           {"import_seconds", total_s},
                           {"goal_seconds", 2.0}};
        out["libreoffice_seconds"] = soffice ? nlohmann::json(*soffice) : nlohmann::json();
        return print_json(out);
    }
    char line[200];
    std::snprintf(line, sizeof line, "%.3f", total_s);
    std::cout << trf("Imported {1} rows with full validation in {2} s (goal: under 2 s); reading the file took {3} s.",
                     {std::to_string(result.stored), line, std::to_string(read_s).substr(0, 5)})
                     .str()
              << '\n';
    if (soffice) {
        std::snprintf(line, sizeof line, "%.3f", *soffice);
        std::cout << trf("LibreOffice opened the same file (soffice --headless --convert-to csv) in {1} s.", {line}).str()
                  << '\n';
    } else {
        std::cout << tr("LibreOffice (soffice) is not installed: no time to compare with.").str() << '\n';
    }
}

}  // namespace

void add_corporate_users_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* corporate = corporate_command(app);

    struct ExportOptions {
        std::string inn, out;
        bool blank = false;
    };
    auto ex = std::make_shared<ExportOptions>();
    auto* exp = corporate->add_subcommand(
        "export-users", tr("Write the users' data template of a company as XLSX (R-CORP-10)").str());
    exp->add_option("--client", ex->inn, tr("The company's INN").str())->required();
    exp->add_option("--out", ex->out, tr("The XLSX file to write").str())->required();
    exp->add_flag("--blank", ex->blank, tr("Only the headers and the company's numbers, no personal data").str());
    exp->callback([&ctx, ex] {
        auto db = ctx.open();
        const std::int64_t client = corporate_client_by_inn(*db, ex->inn);
        // A filled template reveals personal data: it needs a person (--as), and is journaled.
        const Actor actor = ex->blank ? ctx.viewer(*db) : ctx.person(*db);
        const auto done = export_users_template(*db, actor, client, ex->out, ex->blank);
        if (ctx.json)
            return print_json({{"ok", true}, {"file", ex->out}, {"numbers", done.numbers}, {"with_data", done.with_data}});
        std::cout << trf("Wrote {1}: {2} numbers, {3} with users' data.",
                         {ex->out, std::to_string(done.numbers), std::to_string(done.with_data)})
                         .str()
                  << '\n';
    });

    auto im = std::make_shared<ImportOptions>();
    auto* imp = corporate->add_subcommand(
        "import-users", tr("Check and import a company's filled users' data template (XLSX, ODS or CSV)").str());
    imp->add_option("--client", im->inn, tr("The company's INN").str())->required();
    imp->add_option("FILE", im->file, tr("The filled template").str())->required();
    imp->add_flag("--dry-run", im->dry_run, tr("Only check: list the rejected rows, import nothing").str());
    imp->add_flag("--valid-only", im->valid_only, tr("Import the valid rows even when others are rejected").str());
    imp->add_option("--employee", im->employee,
                    tr("An employee brings his own number's data (needs the company's power of attorney, R-CORP-12)").str());
    imp->callback([&ctx, im] { run_import(ctx, *im); });

    auto* comp = corporate->add_subcommand(
        "compliance", tr("Companies whose users' data is older than a quarter or missing for numbers (R-CORP-10)").str());
    comp->callback([&ctx] {
        auto db = ctx.open();
        const auto list = users_compliance(*db, ctx.viewer(*db), CalendarDate::of_utc(db->now()));
        if (ctx.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& c : list)
                out.push_back({{"inn", c.inn},
                               {"name", c.official_name},
                               {"newest_list_on", c.newest_list_on ? nlohmann::json(*c.newest_list_on) : nlohmann::json()},
                               {"numbers", c.numbers},
                               {"numbers_without_data", c.numbers_without_data},
                               {"list_stale", c.list_stale},
                               {"due_on", c.due_on},
                               {"overdue", c.overdue}});
            return print_json(out);
        }
        if (list.empty()) {
            std::cout << tr("Every company's users' data is up to date.").str() << '\n';
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& c : list)
            rows.push_back({c.inn, c.official_name,
                            c.newest_list_on ? CalendarDate::parse(*c.newest_list_on, "d", tr("Date")).display()
                                             : tr("never").str(),
                            std::to_string(c.numbers_without_data) + " / " + std::to_string(c.numbers),
                            CalendarDate::parse(c.due_on, "d", tr("Date")).display() +
                                (c.overdue ? " (" + tr("overdue").str() + ")" : "")});
        print_table({tr("INN").str(), tr("Company").str(), tr("Newest list").str(),
                     tr("Numbers without data").str(), tr("Due").str()},
                    rows);
    });

    auto bench_rows = std::make_shared<int>(10000);
    auto* bench = bench_parent(app)->add_subcommand(
        "users-import",
        tr("Import a generated users' data template with full validation on the --db given (a scratch database)").str());
    bench->add_option("--rows", *bench_rows, tr("How many rows (default 10 000)").str());
    bench->callback([&ctx, bench_rows] { run_users_bench(ctx, *bench_rows); });
}

}  // namespace salon::cli
