// The product catalog: dated price versions and VAT (R-TAR-2), and the price-list import.
#include <catch2/catch.hpp>

#include "db/UserError.hpp"
#include "pos/core/organisation/Dealer.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/organisation/Salon.hpp"
#include "pos/core/organisation/StaffMember.hpp"
#include "tests/pos_core/TestActor.hpp"
#include "tests/support/TestDatabase.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

using namespace salon;
using namespace salon::pos;
using salon::test::TestDatabase;

namespace {

CalendarDate today(TestDatabase& t) { return CalendarDate::of_utc(t->now()); }

// The English reason of the InputError `f` throws, with the input it names: {input, reason}.
template <class F>
std::pair<std::string, std::string> refusal(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return {e.input(), e.reason().english()};
    }
    return {"", ""};
}

int version_count(TestDatabase& t) {
    int n = 0;
    t->sql() << "SELECT count(*) FROM product_version", soci::into(n);
    return n;
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::set<std::pair<int, std::string>> problem_cells(const PriceImportPreview& p) {
    std::set<std::pair<int, std::string>> out;
    for (const auto& problem : p.problems) out.insert({problem.row, problem.column});
    return out;
}

}  // namespace

TEST_CASE("A sale dated before a price change gets the old version [R-TAR-2]", "[catalog][R-TAR-2]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const CalendarDate d0 = today(t);
    const auto id =
        add_product(t.db(), cli, "svc-antispam", "Антиспам", "service", d0.plus_days(1), 6000, "standard");
    const PriceInForce before = price_in_force(t.db(), id, d0.plus_days(5));
    CHECK(before.price == 6000);
    CHECK(before.valid_to.empty());

    set_price(t.db(), cli, "svc-antispam", d0.plus_days(10), 7500, "");
    const PriceInForce old_day = price_in_force(t.db(), "svc-antispam", d0.plus_days(9));
    const PriceInForce new_day = price_in_force(t.db(), "svc-antispam", d0.plus_days(10));
    CHECK(old_day.version_id == before.version_id);
    CHECK(old_day.price == 6000);
    CHECK(old_day.valid_to == d0.plus_days(10).iso());  // closed on the new version's first day
    CHECK(new_day.price == 7500);
    CHECK(new_day.version_id != before.version_id);
    CHECK(new_day.vat_code == "standard");  // kept from the version before
    CHECK(new_day.vat_basis_points == 2200);
    CHECK(price_in_force(t.db(), id, d0.plus_days(400)).version_id == new_day.version_id);
}

TEST_CASE("A price change never alters a version a past sale used [R-TAR-2]", "[catalog][R-TAR-2]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const CalendarDate d0 = today(t);
    // History the catalog already holds: a router priced since 1 December 2025 (what past sales used).
    add_product(t.db(), cli, "gad-router", "4G-роутер", "gadget", d0.plus_days(3), 399000, "standard");
    long long product_id = 0;
    t->sql() << "SELECT id FROM product WHERE code = 'gad-router'", soci::into(product_id);
    t->sql() << "UPDATE product_version SET valid_from = '2025-12-01' WHERE product_id = :p",
        soci::use(product_id);
    const PriceInForce past =
        price_in_force(t.db(), "gad-router", CalendarDate::parse("2025-12-31", "d", tr("Date")));
    CHECK(past.price == 399000);
    CHECK(past.vat_basis_points == 2000);  // VAT is the rate in force on the sale's date
    CHECK(price_in_force(t.db(), "gad-router", CalendarDate::parse("2026-01-02", "d", tr("Date")))
              .vat_basis_points == 2200);

    // A date in the past, on or before the latest start: refused, nothing written.
    const auto yesterday = refusal([&] { set_price(t.db(), cli, "gad-router", d0.plus_days(-1), 100, ""); });
    CHECK(yesterday.first == "valid_from");
    CHECK_THAT(yesterday.second, Catch::Contains("is in the past"));
    CHECK(refusal([&] {
              set_price(t.db(), cli, "gad-router", CalendarDate::parse("2025-12-01", "d", tr("Date")), 100,
                        "");
          }).first == "valid_from");
    CHECK(version_count(t) == 1);

    set_price(t.db(), cli, "gad-router", d0, 349000, "");  // from today: allowed
    const PriceInForce again =
        price_in_force(t.db(), "gad-router", CalendarDate::parse("2025-12-31", "d", tr("Date")));
    CHECK(again.version_id == past.version_id);
    CHECK(again.price == 399000);
    CHECK(again.valid_from == "2025-12-01");
    CHECK(price_in_force(t.db(), "gad-router", d0).price == 349000);

    // The new latest version now bounds the next change too.
    const auto same_day = refusal([&] { set_price(t.db(), cli, "gad-router", d0, 1, ""); });
    CHECK(same_day.first == "valid_from");
    CHECK_THAT(same_day.second, Catch::Contains("must be after"));
}

TEST_CASE("A product out of its dates or withdrawn is refused with the reason [R-TAR-2]",
          "[catalog][R-TAR-2]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const CalendarDate d0 = today(t);
    add_product(t.db(), cli, "acc-case", "Чехол", "accessory", d0.plus_days(2), 89000, "standard");
    const auto early = refusal([&] { price_in_force(t.db(), "acc-case", d0); });
    CHECK(early.first == "product");
    CHECK(early.second == "«Чехол» is on sale from " + d0.plus_days(2).display());

    end_sale(t.db(), cli, "acc-case", d0.plus_days(30));
    CHECK(price_in_force(t.db(), "acc-case", d0.plus_days(29)).price == 89000);
    const auto ended = refusal([&] { price_in_force(t.db(), "acc-case", d0.plus_days(30)); });
    CHECK(ended.first == "product");
    CHECK(ended.second == "the price of «Чехол» ended on " + d0.plus_days(29).display());
    CHECK(products_on_sale(t.db(), d0.plus_days(30), "").empty());
    CHECK(products_on_sale(t.db(), d0.plus_days(29), "accessory").size() == 1);

    set_product_active(t.db(), cli, "acc-case", false);
    CHECK(refusal([&] { price_in_force(t.db(), "acc-case", d0.plus_days(5)); }).second ==
          "«Чехол» is withdrawn from sale");
    CHECK(products_on_sale(t.db(), d0.plus_days(5), "").empty());
    CHECK(refusal([&] { price_in_force(t.db(), "nope", d0); }).second == "no product with code \"nope\"");
    CHECK(refusal([&] { price_in_force(t.db(), std::int64_t{999}, d0); }).first == "product");
}

TEST_CASE("Product input errors name the input and save nothing", "[catalog]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const CalendarDate d1 = today(t).plus_days(1);
    auto add = [&](const char* code, const char* name, const char* kind, long long price, const char* vat) {
        return refusal([&] { add_product(t.db(), cli, code, name, kind, d1, price, vat); }).first;
    };
    CHECK(add("bad code", "X", "service", 1, "standard") == "code");
    CHECK(add("x", " ", "service", 1, "standard") == "name");
    CHECK(add("x", "X", "tv", 1, "standard") == "kind");
    CHECK(add("x", "X", "service", -1, "standard") == "price");
    CHECK(add("x", "X", "service", 1, "reduced") == "vat");
    CHECK(refusal([&] {
              add_product(t.db(), cli, "x", "X", "service", today(t).plus_days(-1), 1, "standard");
          }).first == "valid_from");
    CHECK(list_products(t.db()).empty());
    add_product(t.db(), cli, "x", "X", "service", d1, 0, "none");
    CHECK(add("x", "Y", "service", 1, "standard") == "code");
    CHECK(list_products(t.db()).size() == 1);
}

TEST_CASE("Only head office edits the catalog", "[catalog][permissions]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const auto dealer = save_dealer(
        t.db(), cli, {DealerKind::legal_entity, "ООО «Тест»", "7730543210", "1237700543211", "773001001"});
    const auto salon = save_salon(t.db(), cli, {dealer, "Салон", "Адрес", "Europe/Moscow"});
    const StaffMember spec = get_staff(
        t.db(), cli,
        save_staff(t.db(), cli, {"spec", "Иванов", Role::specialist, salon, 0, std::nullopt, "password1"}));
    const Actor seller = Actor::signed_in(t.db(), spec, salon::test::test_audit_key(t));
    CHECK_THROWS_AS(add_product(t.db(), seller, "x", "X", "service", today(t), 100, "standard"),
                    RefusedError);
    CHECK_THROWS_AS(preview_price_list(t.db(), seller, {}), RefusedError);
    CHECK(list_products(t.db()).empty());
}

TEST_CASE("VAT contained in a price is rounded half up to the kopeck", "[catalog][vat]") {
    CHECK(vat_included(1220000, 2200) == 220000);  // 12 200,00 at 22% contains 2 200,00
    CHECK(vat_included(1200000, 2000) == 200000);  // 12 000,00 at 20% contains 2 000,00
    CHECK(vat_included(10000, 2200) == 1803);      // 18,0327...
    CHECK(vat_included(10000, 2000) == 1667);      // 16,666...
    CHECK(vat_included(3, 2000) == 1);             // exactly 0,5 kopeck: up
    CHECK(vat_included(-3, 2000) == -1);           // a refund mirrors the sale
    CHECK(vat_included(2, 2000) == 0);             // 0,333...
    CHECK(vat_included(999999, 0) == 0);
    CHECK(vat_included(INT64_MAX / 2, 2200) ==
          static_cast<std::int64_t>((static_cast<__int128>(INT64_MAX / 2) * 2200 + 6100) / 12200));
    CHECK(vat_percent(2200) == "22%");
    CHECK(vat_percent(1250) == "12.5%");
    CHECK(vat_percent(1005) == "10.05%");

    TestDatabase t;
    const auto on = [](const char* d) { return CalendarDate::parse(d, "d", tr("Date")); };
    CHECK(vat_basis_points(t.db(), "standard", on("2025-12-31")) == 2000);
    CHECK(vat_basis_points(t.db(), "standard", on("2026-01-01")) == 2200);
    CHECK(vat_basis_points(t.db(), "none", on("2026-01-01")) == 0);
    CHECK(refusal([&] { vat_basis_points(t.db(), "standard", on("2018-06-01")); }).first == "vat");
    CHECK(vat_rates_in_force(t.db(), on("2026-03-01")).size() == 2);
}

TEST_CASE("One kind's products come by name, each at the version in force that day [R-TAR-2]",
          "[catalog][R-TAR-2]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const CalendarDate d0 = today(t);
    add_product(t.db(), cli, "gad-watch", "Часы", "gadget", d0, 990000, "standard");
    add_product(t.db(), cli, "gad-band", "Браслет", "gadget", d0.plus_days(3), 250000, "standard");
    add_product(t.db(), cli, "acc-case", "Чехол", "accessory", d0, 89000, "standard");
    add_product(t.db(), cli, "gad-buds", "Наушники", "gadget", d0, 450000, "standard");
    const auto names = [&](const CalendarDate& on, const std::string& kind) {
        std::vector<std::string> out;
        for (const auto& p : products_on_sale(t.db(), on, kind)) out.push_back(p.name);
        return out;
    };
    CHECK(names(d0, "gadget") == std::vector<std::string>{"Наушники", "Часы"});
    CHECK(names(d0.plus_days(3), "gadget") == std::vector<std::string>{"Браслет", "Наушники", "Часы"});
    CHECK(names(d0.plus_days(3), "") == std::vector<std::string>{"Чехол", "Браслет", "Наушники", "Часы"});
    CHECK(names(d0, "sim").empty());
    const auto bands = products_on_sale(t.db(), d0.plus_days(3), "gadget");
    CHECK(bands.front().price == 250000);
    CHECK(bands.front().vat_basis_points > 0);
}

TEST_CASE("The demo catalog is on sale from 2026 and may be seeded twice", "[catalog][demo]") {
    TestDatabase t;
    seed_demo_products(t.db());
    seed_demo_products(t.db());
    const auto on = CalendarDate::parse("2026-03-01", "d", tr("Date"));
    const auto all = products_on_sale(t.db(), on, "");
    CHECK(all.size() == list_products(t.db()).size());
    CHECK(products_on_sale(t.db(), on, "service").size() == 6);
    CHECK(products_on_sale(t.db(), on, "gadget").size() == 3);
    CHECK(products_on_sale(t.db(), on, "accessory").size() == 3);
    const auto sim = products_on_sale(t.db(), on, "sim");
    REQUIRE(sim.size() == 1);
    CHECK(sim.front().price == 10000);
    CHECK(sim.front().vat_basis_points == 2200);
    CHECK(products_on_sale(t.db(), CalendarDate::parse("2025-12-31", "d", tr("Date")), "").empty());
    CHECK(refusal([&] { products_on_sale(t.db(), on, "tv"); }).first == "kind");
}

TEST_CASE("The import preview names the row and column of each problem; apply saves nothing then [R-TAR-2]",
          "[catalog][import][R-TAR-2]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const CalendarDate d0 = today(t);
    add_product(t.db(), cli, "acc-glass", "Защитное стекло", "accessory", d0.plus_days(1), 59000, "standard");
    add_product(t.db(), cli, "acc-case", "Чехол", "accessory", d0.plus_days(1), 89000, "standard");
    const std::string d5 = d0.plus_days(5).display();
    const std::string csv = "действует_с;код;цена;ндс;название;вид\n"  // Russian headers, another order, ';'
                            + d5 + ";svc-new;\"1 234,50\";22%;Новая услуга;услуга\n"  // 2: fine
                            + d5 + ";svc-bad-price;12,345;;Услуга;service\n"  // 3: three kopeck digits
                            + d5 + ";tv;100;;Телевизор;телевизор\n"           // 4: unknown kind
                            + d0.plus_days(-3).display() +
                            ";svc-past;100;;Услуга;service\n"         // 5: in the past
                            + d5 + ";svc-noname;100;;;service\n"      // 6: a new product without a name
                            + d5 + ";svc-new;100;;Ещё раз;service\n"  // 7: the code of row 2 again
                            + d5 + ";acc-glass;490;20%;;\n"           // 8: no 20% rate in force then
                            + "\n"                                    // 9: blank, skipped
                            + d5 + ";acc-case;490;;;gadget\n";  // 10: the kind of a product does not change
    const auto rows = parse_price_csv(csv);
    REQUIRE(rows.size() == 8);
    CHECK(rows.front().row == 2);
    CHECK(rows.back().row == 10);
    const auto preview = preview_price_list(t.db(), cli, rows);
    CHECK(problem_cells(preview) == std::set<std::pair<int, std::string>>{{3, "price"},
                                                                          {4, "kind"},
                                                                          {5, "valid_from"},
                                                                          {6, "name"},
                                                                          {7, "code"},
                                                                          {8, "vat"},
                                                                          {10, "kind"}});
    REQUIRE(preview.rows.size() == 1);
    CHECK(preview.rows.front().action == PriceRowAction::new_product);
    CHECK(preview.rows.front().price == 123450);
    CHECK(preview.rows.front().vat_code == "standard");
    CHECK(preview.rows.front().kind == "service");

    // One wrong row is enough to save nothing at all.
    const auto one_wrong = parse_price_csv(
        "code,name,kind,price,vat,valid_from\n"
        "svc-a,Услуга А,service,100,standard," +
        d5 +
        "\n"
        "acc-glass,,,490,," +
        d0.plus_days(1).display() + "\n");
    CHECK(problem_cells(preview_price_list(t.db(), cli, one_wrong)) ==
          std::set<std::pair<int, std::string>>{{3, "valid_from"}});  // must start after the latest version
    CHECK_THROWS_AS(apply_price_list(t.db(), cli, one_wrong), ValidationError);
    CHECK(list_products(t.db()).size() == 2);
    CHECK(version_count(t) == 2);
}

TEST_CASE("Applying a price list adds products and prices, and again changes nothing [R-TAR-2]",
          "[catalog][import][R-TAR-2]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const CalendarDate d0 = today(t);
    add_product(t.db(), cli, "acc-glass", "Защитное стекло", "accessory", d0.plus_days(1), 59000, "standard");
    const std::string csv =
        "code,name,kind,price,vat,valid_from\n"
        "svc-a,Услуга А,service,100,standard," +
        d0.plus_days(3).iso() +
        "\n"
        "acc-glass,,,\"490,00\",," +
        d0.plus_days(7).iso() +
        "\n"
        "sim,SIM-карта,sim,0,none," +
        d0.iso() + "\n";
    const auto rows = parse_price_csv(csv);
    const auto preview = preview_price_list(t.db(), cli, rows);
    REQUIRE(preview.ok());
    REQUIRE(preview.rows.size() == 3);
    CHECK(preview.rows[1].action == PriceRowAction::new_price);
    CHECK(preview.rows[1].previous_price == 59000);
    CHECK(version_count(t) == 1);  // a preview writes nothing

    const auto applied = apply_price_list(t.db(), cli, rows);
    CHECK(applied.rows.size() == 3);
    CHECK(price_in_force(t.db(), "acc-glass", d0.plus_days(6)).price == 59000);
    CHECK(price_in_force(t.db(), "acc-glass", d0.plus_days(7)).price == 49000);
    CHECK(price_in_force(t.db(), "svc-a", d0.plus_days(3)).price == 100 * 100);
    CHECK(price_in_force(t.db(), "sim", d0).vat_basis_points == 0);
    CHECK(version_count(t) == 4);

    const auto again = apply_price_list(t.db(), cli, rows);
    for (const auto& r : again.rows) CHECK(r.action == PriceRowAction::unchanged);
    CHECK(version_count(t) == 4);
}

namespace {
// Writes the cells as text; `numbers` makes the price a number and the date a formatted date serial, as a
// person typing into Excel would get.
void write_xlsx(const std::string& path, const std::vector<std::vector<std::string>>& cells,
                bool inline_strings, bool numbers) {
    lxw_workbook_options options{};
    options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Прайс");
    lxw_format* date_format = workbook_add_format(book);
    format_set_num_format(date_format, "dd.mm.yyyy");
    for (std::size_t r = 0; r < cells.size(); ++r)
        for (std::size_t c = 0; c < cells[r].size(); ++c) {
            const std::string& v = cells[r][c];
            if (numbers && r > 0 && c == 3) {
                worksheet_write_number(sheet, r, c, std::stod(v), nullptr);
            } else if (numbers && r > 0 && c == 5) {
                const auto d = CalendarDate::parse(v, "d", tr("Date"));
                lxw_datetime dt{
                    d.year(), static_cast<uint8_t>(d.month()), static_cast<uint8_t>(d.day()), 0, 0, 0};
                worksheet_write_datetime(sheet, r, c, &dt, date_format);
            } else if (!v.empty()) {
                worksheet_write_string(sheet, r, c, v.c_str(), nullptr);
            }
        }
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
}
}  // namespace

TEST_CASE("An XLSX price list and its CSV give the same rows", "[catalog][import]") {
    TestDatabase t;
    const Actor cli = salon::test::command_line(t);
    const CalendarDate d0 = today(t);
    const std::vector<std::vector<std::string>> cells = {
        {"code", "name", "kind", "price", "vat", "valid_from"},
        {"gad-watch", "Смарт-часы", "gadget", "12990.5", "standard", d0.plus_days(2).iso()},
        {"acc-charger", "Зарядка \"USB-C\"; 20 Вт", "accessory", "1290", "", d0.plus_days(4).iso()},
        {"svc-x", "Услуга", "", "0.99", "none", d0.plus_days(6).iso()},
    };
    std::string csv;
    for (const auto& row : cells) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            std::string v = row[c];
            if (v.find_first_of(";\"") != std::string::npos) {
                std::string q = "\"";
                for (char ch : v) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
                v = q + "\"";
            }
            csv += (c ? ";" : "") + v;
        }
        csv += "\r\n";
    }
    const auto folder = std::filesystem::path(t.folder());
    write_file((folder / "price.csv").string(), "\xEF\xBB\xBF" + csv);  // Excel's "CSV UTF-8" has a BOM
    write_xlsx((folder / "shared.xlsx").string(), cells, false, false);
    write_xlsx((folder / "inline.xlsx").string(), cells, true, false);
    write_xlsx((folder / "numbers.xlsx").string(), cells, false, true);

    const auto from_csv = read_price_list((folder / "price.csv").string());
    REQUIRE(from_csv.size() == 3);
    CHECK(from_csv[1].name == "Зарядка \"USB-C\"; 20 Вт");
    CHECK(from_csv[2].row == 4);
    CHECK(read_price_list((folder / "shared.xlsx").string()) == from_csv);
    // liborcus skips inline strings (a streaming writer's way): such a workbook is refused, never half-read.
    try {
        read_price_list((folder / "inline.xlsx").string());
        FAIL("a workbook of inline strings was read");
    } catch (const ValidationError& e) {
        CHECK_THAT(e.reason().english(), Catch::StartsWith("holds its text as inline strings"));
    }

    // Typed as numbers, the price and the date come back as the same amounts and days.
    const auto from_numbers = read_price_list((folder / "numbers.xlsx").string());
    REQUIRE(from_numbers.size() == 3);
    CHECK(from_numbers[0].price == "12990.50");
    CHECK(from_numbers[0].valid_from == d0.plus_days(2).iso());
    auto plan = [&](const std::vector<PriceRow>& rows) {
        std::vector<std::tuple<int, std::string, std::int64_t, std::string, std::string>> out;
        const auto p = preview_price_list(t.db(), cli, rows);
        for (const auto& r : p.rows) out.emplace_back(r.row, r.code, r.price, r.vat_code, r.valid_from);
        for (const auto& problem : p.problems) out.emplace_back(problem.row, problem.column, -1, "", "");
        return out;
    };
    CHECK(plan(from_numbers) == plan(from_csv));
    CHECK(plan(from_csv).size() == 3);

    // A file that is neither: refused with words, not a crash.
    write_file((folder / "bad.csv").string(), "\xC4\xE0\xF2\xE0;\xCA\xEE\xE4\n");  // cp1251 "Дата;Код"
    CHECK_THROWS_AS(read_price_list((folder / "bad.csv").string()), ValidationError);
    write_file((folder / "nohead.csv").string(), "code;name\nx;y\n");
    try {
        read_price_list((folder / "nohead.csv").string());
        FAIL("a list without price and date columns was read");
    } catch (const ValidationError& e) {
        CHECK_THAT(e.reason().english(), Catch::Contains("\"price\""));
    }
    write_file((folder / "broken.xlsx").string(), std::string("PK\x03\x04", 4) + "not a zip");
    CHECK_THROWS_AS(read_price_list((folder / "broken.xlsx").string()), ValidationError);
}
