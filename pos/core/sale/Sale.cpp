#include "pos/core/fiscal/PaymentAgent.hpp"
#include "pos/core/sale/Sale.hpp"

#include "db/Database.hpp"
#include "db/PersonalDataKey.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/organisation/Certification.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Iccid.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/catalog/NumberStanding.hpp"
#include "pos/core/identifiers/Passport.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/sale/PersonalDataConsent.hpp"
#include "pos/core/sale/PortRequest.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/organisation/StationSetting.hpp"
#include "pos/core/catalog/SimStock.hpp"
#include "pos/core/catalog/GadgetStock.hpp"
#include "pos/core/identifiers/Imei.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace salon::pos {

namespace {

constexpr std::pair<LineKind, const char*> kKinds[] = {
    {LineKind::sim, "sim"},
    {LineKind::service, "service"},
    {LineKind::gadget, "gadget"},
    {LineKind::accessory, "accessory"},
    {LineKind::top_up, "top_up"},
    {LineKind::tariff_change, "tariff_change"},
    {LineKind::sim_replacement, "sim_replacement"},
    {LineKind::port_in, "port_in"},
    {LineKind::corporate_tariff, "corporate_tariff"},
};

// A top-up the desk accepts as the operator's agent: from 10 to 15 000 roubles at a time.
constexpr std::int64_t kMinTopUp = 10'00;
constexpr std::int64_t kMaxTopUp = 15'000'00;

Money parse_amount(const char* input, const Text& field, const std::string& typed, bool required) {
    if (typed.find_first_not_of(" \t") == std::string::npos) {
        if (required) throw InputError(input, field, tr("must be filled in"));
        return Money();
    }
    const Money m = parse_input(input, [&] { return Money::parse(typed); });
    if (m < Money()) throw InputError(input, field, tr("cannot be negative"));
    return m;
}

struct TariffChoice {
    std::int64_t tariff_id = 0, version_id = 0;
    std::string name;
    bool is_bundle = false;
    Money connection_fee;
};

// The tariff in force today with this code (R-TAR-2): a private one at the sales desk, a business one for a
// company's number at the corporate desk.
enum class TariffSegment { private_client, business };

// The tariff and its version in force that day, if any, in one read.
db::Read tariff_read(const std::string& code, const CalendarDate& on) {
    const std::string day = on.iso();
    return {"SELECT t.id, t.name, t.segment, t.is_bundle, t.individual, v.id, v.connection_fee FROM tariff t "
            "LEFT JOIN tariff_version v ON v.tariff_id = t.id AND v.valid_from <= :d "
            "AND (v.valid_to IS NULL OR v.valid_to > :d2) WHERE t.code = :c",
            {day, day, code}};
}

TariffChoice tariff_in_force(db::Database& db, const std::string& code, const CalendarDate& on,
                             TariffSegment wanted = TariffSegment::private_client) {
    if (code.empty()) throw InputError("tariff", tr("Tariff"), tr("must be chosen"));
    TariffChoice t;
    const std::vector<db::TextRow> rows = db.read_rows(tariff_read(code, on));
    const bool found = !rows.empty();
    const db::TextRow none(7);
    const db::TextRow& row = found ? rows.front() : none;
    t.name = db::row_text(row, 1);
    const std::string segment = db::row_text(row, 2);
    const bool individual = db::row_integer(row, 4) != 0;
    if (!found) throw InputError("tariff", tr("Tariff"), trf("there is no tariff \"{1}\"", {code}));
    if (wanted == TariffSegment::private_client && (segment != "private" || individual))
        throw InputError("tariff", tr("Tariff"),
                         trf("{1} is a business tariff: it is sold at the corporate desk", {t.name}));
    if (wanted == TariffSegment::business && segment != "business")
        throw InputError("tariff", tr("Tariff"),
                         trf("{1} is a tariff for private clients: a company's number takes a business tariff", {t.name}));
    if (db::row_null(row, 5))
        throw InputError("tariff", tr("Tariff"), trf("{1} is not on sale on {2}", {t.name, on.display()}));
    t.tariff_id = db::row_integer(row, 0);
    t.version_id = db::row_integer(row, 5);
    t.is_bundle = db::row_integer(row, 3) != 0;
    t.connection_fee = Money::from_kopecks(db::row_integer(row, 6));
    return t;
}

struct Subscriber {
    std::int64_t id = 0, client_id = 0, sim_card_id = 0, tariff_id = 0;
    std::string tariff_name;
};

std::optional<Subscriber> live_subscription(db::Database& db, const std::string& msisdn) {
    Subscriber s;
    long long id = 0, client = 0, card = 0, tariff = 0;
    soci::indicator ind = soci::i_null;
    db.run(
        "SELECT s.id, s.client_id, s.sim_card_id, s.tariff_id, t.name FROM subscription s "
        "JOIN tariff t ON t.id = s.tariff_id WHERE s.msisdn = :m AND s.ended_at IS NULL",
        soci::use(msisdn), soci::into(id, ind), soci::into(client), soci::into(card), soci::into(tariff),
        soci::into(s.tariff_name));
    if (ind != soci::i_ok) return std::nullopt;
    s.id = id;
    s.client_id = client;
    s.sim_card_id = card;
    s.tariff_id = tariff;
    return s;
}

Msisdn parse_number(const std::string& typed) {
    if (typed.find_first_not_of(" \t") == std::string::npos)
        throw InputError("msisdn", tr("Number"), tr("must be filled in"));
    return parse_input("msisdn", [&] { return Msisdn::parse(typed); });
}

Subscriber require_subscriber(db::Database& db, const Msisdn& number) {
    auto s = live_subscription(db, number.str());
    if (!s)
        throw InputError("msisdn", tr("Number"),
                         trf("{1} is not a number in service with the operator", {number.display()}));
    return *s;
}

// The card a new client's SIM (or a replacement) is sold as: the catalog's "sim" product in force.
PriceInForce sim_card_price(db::Database& db, const CalendarDate& on) {
    const auto cards = products_on_sale(db, on, "sim");
    if (cards.empty())
        throw InputError("iccid", tr("SIM card"), tr("the catalog has no price for a SIM card in force today"));
    return cards.front();
}

// What the sale needs to know beyond the lines: the buyer and the numbers this draft itself brings into
// service (a service may be connected to a SIM sold in the same sale).
struct PricingContext {
    PricingContext(db::Database& d, const Actor& a, std::int64_t salon, CalendarDate day)
        : db(d), actor(a), salon_id(salon), today(day) {}
    db::Database& db;
    const Actor& actor;
    std::int64_t salon_id = 0;
    CalendarDate today;
    std::optional<ClientRecord> client;
    bool client_known = false;  // identified by the passport alone: the record is used as it is
    std::optional<ClientRecord> registered;  // the record already under the form's passport, if any
    std::map<std::string, int> vat_rates;    // VAT code to basis points on `today`, as read so far
    std::map<std::int64_t, SimCard> cards;   // the cards the lines take, by id, as read in the transaction
    std::set<std::string> new_numbers;
    std::set<std::string> cards_in_sale;
    std::set<std::string> numbers_changed;  // tariff changed or card replaced in this sale: once each
    std::map<std::int64_t, GadgetUnit> units;  // the gadget units the lines take, by id
    std::optional<SaleSupplier> supplier;       // the top-ups' supplier, read once with the first top-up
};

// A value of the draft read from its text before the sale's transaction, or the refusal reading it met:
// that refusal is thrown where the line's checks come to the value, so a sale is refused for the same
// reason, in the same order, as if the text were read there. No text is parsed while the database is
// locked for the other tills.
template <class T>
class ReadValue {
public:
    ReadValue() = default;
    template <class Parse>
    explicit ReadValue(Parse&& parse) {
        try {
            value_.emplace(parse());
        } catch (const ValidationError&) {
            error_ = std::current_exception();
        }
    }
    const T& get() const {
        if (error_) std::rethrow_exception(error_);
        return *value_;
    }
    bool ok() const { return value_.has_value(); }

private:
    std::optional<T> value_;
    std::exception_ptr error_;
};

// The most lines one sale takes: a launch day's busiest buyer needs a few dozen.
constexpr std::size_t kMaxSaleLines = 100;

struct ReadLine {
    ReadValue<Iccid> iccid;
    ReadValue<Msisdn> msisdn;
    ReadValue<std::string> donor;
    ReadValue<CalendarDate> desired_date;
    ReadValue<Money> amount;
    ReadValue<Imei> imei;  // a gadget line's scanned IMEI, when one was typed
};

struct ReadDraft {
    std::vector<ReadLine> lines;
    ReadValue<Money> paid_cash, paid_card;
    ReadValue<Passport> passport;    // the passport typed, alone or on the form
    ReadValue<ClientRecord> client;  // the whole form (not read when only the passport is typed)
    bool form_read = false;          // the form was read, for the day `read_draft` was given
};

bool passport_only(const ClientForm& c);
bool needs_client(const SaleDraft& d);

// Every value the draft's lines and form carry, read from their text. `today` dates the form (a client's
// age, a passport's issue); it is used only when the draft has a form to check.
ReadDraft read_draft(const SaleDraft& draft, const CalendarDate& today) {
    if (draft.lines.size() > kMaxSaleLines)
        throw InputError("lines", tr("Sale"), trf("has more than {1} lines", {std::to_string(kMaxSaleLines)}));
    ReadDraft r;
    r.lines.reserve(draft.lines.size());
    for (const DraftLine& d : draft.lines) {
        ReadLine l;
        const LineKind k = d.kind;
        if (k == LineKind::sim || k == LineKind::sim_replacement)
            l.iccid = ReadValue<Iccid>([&] { return parse_input("iccid", [&] { return Iccid::parse(d.iccid); }); });
        if (k != LineKind::sim && k != LineKind::gadget && k != LineKind::accessory)
            l.msisdn = ReadValue<Msisdn>([&] { return parse_number(d.msisdn); });
        if (k == LineKind::port_in) {
            l.donor = ReadValue<std::string>([&] {
                std::string donor = required_text("donor", tr("Donor operator"), d.donor_operator);
                const auto& known = donor_operators();
                if (std::find(known.begin(), known.end(), donor) == known.end())
                    throw InputError("donor", tr("Donor operator"), tr("choose the operator from the list"));
                return donor;
            });
            l.desired_date = ReadValue<CalendarDate>(
                [&] { return CalendarDate::parse(d.desired_date, "desired_date", tr("Transfer date")); });
        }
        if (k == LineKind::gadget && !d.imei.empty())
            l.imei = ReadValue<Imei>([&] { return parse_input("imei", [&] { return Imei::parse(d.imei); }); });
        if (k == LineKind::top_up)
            l.amount = ReadValue<Money>([&] { return parse_amount("amount", tr("Amount"), d.amount, true); });
        r.lines.push_back(std::move(l));
    }
    r.paid_cash = ReadValue<Money>([&] { return parse_amount("paid_cash", tr("Cash"), draft.paid_cash, false); });
    r.paid_card = ReadValue<Money>([&] { return parse_amount("paid_card", tr("Card"), draft.paid_card, false); });
    if (draft.with_client) {
        r.passport = ReadValue<Passport>(
            [&] { return parse_input("passport", [&] { return Passport::parse(draft.client.passport); }); });
        if (!passport_only(draft.client)) {
            r.client = ReadValue<ClientRecord>([&] { return parse_client_form(draft.client, today.iso()); });
            r.form_read = true;
        }
    }
    return r;
}

// A gadget line: a phone, modem or router sold by IMEI takes its unit from the salon's stock, one at a time;
// the warranty its product carries is dated from the salon's day of the sale. Only gadget lines come here,
// so a SIM-only sale reads nothing more.
void sell_gadget(PricingContext& ctx, const DraftLine& d, const ReadLine& r, const PriceInForce& price,
                 PricedLine& p) {
    db::Database& db = ctx.db;
    const long long product = price.product_id, salon = ctx.salon_id;
    int tracked = 0, warranty = 0;
    std::string zone;
    db.run("SELECT p.serial_tracked, p.warranty_months, s.time_zone FROM product p, salon s "
           "WHERE p.id = :p AND s.id = :s",
           soci::use(product), soci::use(salon), soci::into(tracked), soci::into(warranty), soci::into(zone));
    if (!tracked) {
        if (!d.imei.empty())
            throw InputError("imei", tr("IMEI"), trf("{1} is not sold by IMEI: leave the IMEI empty", {price.name}));
    } else {
        if (d.imei.empty()) throw InputError("imei", tr("IMEI"), tr("scan the device's IMEI"));
        const Imei& imei = r.imei.get();
        if (d.quantity != 1)
            throw InputError("quantity", tr("Quantity"), tr("a device sold by IMEI is sold one at a time"));
        const GadgetUnit unit = take_gadget_for_sale(db, ctx.salon_id, price.product_id, imei.str());
        if (!ctx.units.emplace(unit.id, unit).second)
            throw InputError("imei", tr("IMEI"), tr("this device is already in the sale"));
        p.gadget_unit_id = unit.id;
        p.imei = unit.imei;
    }
    if (warranty > 0) {
        p.warranty_months = warranty;
        p.warranty_until = warranty_end(CalendarDate::of(db.now(), zone), warranty).iso();
    }
}

PricedLine price_line(PricingContext& ctx, const DraftLine& d, const ReadLine& r) {
    db::Database& db = ctx.db;
    PricedLine p;
    p.kind = d.kind;
    auto need_client = [&](const Text& why) {
        if (!ctx.client) throw InputError("client", tr("Client"), why);
    };
    switch (d.kind) {
    case LineKind::sim: {
        need_client(tr("a SIM card is sold only with the buyer's registration form"));
        const Iccid& iccid = r.iccid.get();
        if (!ctx.cards_in_sale.insert(iccid.str()).second)
            throw InputError("iccid", tr("ICCID"), tr("this card is already in the sale"));
        const SimCard card = take_sim_for_sale(db, ctx.salon_id, iccid.str());
        ctx.cards.emplace(card.id, card);
        if (card.msisdn.empty())
            throw InputError("iccid", tr("ICCID"),
                             tr("this is a blank replacement card without a number: choose a card with a number"));
        const TariffChoice t = tariff_in_force(db, d.tariff_code, ctx.today);
        const PriceInForce price = sim_card_price(db, ctx.today);
        ctx.vat_rates.emplace(price.vat_code, price.vat_basis_points);
        p.sim_card_id = card.id;
        p.msisdn = card.msisdn;
        p.tariff_id = t.tariff_id;
        p.tariff_version_id = t.version_id;
        p.is_bundle = t.is_bundle;
        p.product_id = price.product_id;
        p.product_version_id = price.version_id;
        p.unit_price = Money::from_kopecks(price.price) + t.connection_fee;
        p.vat_code = price.vat_code;
        p.description =
            trf("SIM card {1}, tariff «{2}»", {Msisdn::stored(card.msisdn).display(), t.name}).str();
        ctx.new_numbers.insert(card.msisdn);
        break;
    }
    case LineKind::sim_replacement: {
        need_client(tr("a SIM card is replaced only for its owner: fill in the passport"));
        const Msisdn& number = r.msisdn.get();
        if (const auto corporate = corporate_number_standing(db, number.str()))
            require_number_not_blocked(*corporate, number);
        const Subscriber s = require_subscriber(db, number);
        if (s.client_id != ctx.client->id)
            throw InputError("msisdn", tr("Number"),
                             trf("{1} is registered to another person: only its owner replaces the card",
                                 {number.display()}));
        if (!ctx.numbers_changed.insert("r" + number.str()).second)
            throw InputError("msisdn", tr("Number"), tr("this number's card is already replaced in this sale"));
        const Iccid& iccid = r.iccid.get();
        if (!ctx.cards_in_sale.insert(iccid.str()).second)
            throw InputError("iccid", tr("ICCID"), tr("this card is already in the sale"));
        const SimCard card = take_sim_for_sale(db, ctx.salon_id, iccid.str());
        ctx.cards.emplace(card.id, card);
        if (!card.msisdn.empty())
            throw InputError("iccid", tr("ICCID"),
                             tr("this card already carries a number: a replacement needs a blank card"));
        const PriceInForce price = sim_card_price(db, ctx.today);
        ctx.vat_rates.emplace(price.vat_code, price.vat_basis_points);
        p.sim_card_id = card.id;
        p.old_sim_card_id = s.sim_card_id;
        p.msisdn = number.str();
        p.product_id = price.product_id;
        p.product_version_id = price.version_id;
        p.unit_price = Money::from_kopecks(price.price);
        p.vat_code = price.vat_code;
        p.description = trf("SIM replacement for {1}, new card {2}", {number.display(), sim_format_title(card.format).str()}).str();
        break;
    }
    case LineKind::tariff_change: {
        const Msisdn& number = r.msisdn.get();
        const bool new_here = ctx.new_numbers.count(number.str()) > 0;
        if (new_here)
            throw InputError("msisdn", tr("Number"), tr("a number sold in this sale already has its tariff"));
        const Subscriber s = require_subscriber(db, number);
        if (!ctx.numbers_changed.insert("t" + number.str()).second)
            throw InputError("msisdn", tr("Number"), tr("this number's tariff is already changed in this sale"));
        const TariffChoice t = tariff_in_force(db, d.tariff_code, ctx.today);
        if (t.tariff_id == s.tariff_id)
            throw InputError("tariff", tr("Tariff"), trf("{1} is already on «{2}»", {number.display(), t.name}));
        p.msisdn = number.str();
        p.tariff_id = t.tariff_id;
        p.tariff_version_id = t.version_id;
        p.is_bundle = t.is_bundle;
        p.unit_price = t.connection_fee;
        p.vat_code = "standard";
        p.description = trf("Tariff change for {1}: «{2}» to «{3}»", {number.display(), s.tariff_name, t.name}).str();
        break;
    }
    case LineKind::corporate_tariff: {
        // The company's contract and who may order it are checked by the corporate desk in the same
        // transaction (commit_sale's `within`); here the line is priced: the connection fee (R-TAR-3).
        const Msisdn& number = r.msisdn.get();
        if (!ctx.numbers_changed.insert("c" + number.str()).second)
            throw InputError("msisdn", tr("Number"), tr("this number's tariff is already changed in this sale"));
        const TariffChoice t = tariff_in_force(db, d.tariff_code, ctx.today, TariffSegment::business);
        p.msisdn = number.str();
        p.tariff_id = t.tariff_id;
        p.tariff_version_id = t.version_id;
        p.is_bundle = t.is_bundle;
        p.unit_price = t.connection_fee;
        p.vat_code = "standard";
        p.description = trf("Business tariff «{1}» connected for {2}", {t.name, number.display()}).str();
        break;
    }
    case LineKind::port_in: {
        // Every problem of the transfer's form at once, each naming its input: the specialist corrects the
        // number, the donor, the date and the tariff in one go, not one refusal after another.
        std::vector<InputError> problems;
        collect_input_errors(problems, [&] {
            need_client(tr("a number is brought over only with its owner's registration form"));
        });
        std::optional<Msisdn> number;
        collect_input_errors(problems, [&] {
            const Msisdn& n = r.msisdn.get();
            if (live_subscription(db, n.str()))
                throw InputError("msisdn", tr("Number"), trf("{1} is already with the operator", {n.display()}));
            if (!ctx.new_numbers.insert(n.str()).second)
                throw InputError("msisdn", tr("Number"), tr("this number is already in the sale"));
            number = n;
        });
        std::string donor;
        collect_input_errors(problems, [&] { donor = r.donor.get(); });
        std::optional<CalendarDate> wanted;
        collect_input_errors(problems, [&] {
            const CalendarDate& w = r.desired_date.get();
            if (w < ctx.today.plus_days(1) || w > ctx.today.plus_days(183))
                throw InputError("desired_date", tr("Transfer date"), tr("must be from tomorrow to six months ahead"));
            wanted = w;
        });
        std::optional<TariffChoice> t;
        collect_input_errors(problems, [&] { t = tariff_in_force(db, d.tariff_code, ctx.today); });
        throw_input_errors(tr("Number transfer"), std::move(problems));
        p.msisdn = number->str();
        p.tariff_id = t->tariff_id;
        p.tariff_version_id = t->version_id;
        p.is_bundle = t->is_bundle;
        p.unit_price = t->connection_fee;
        p.vat_code = "standard";
        p.description = trf("Number transfer {1} from {2} on {3}, tariff «{4}»",
                            {number->display(), donor, wanted->display(), t->name})
                            .str();
        break;
    }
    case LineKind::top_up: {
        const Msisdn& number = r.msisdn.get();
        // A company's number is in service under its contract, not a private subscription; the desk takes
        // cash or card for it only once the company gave its user's data (R-CORP-11), and nothing while it is
        // blocked at the company's request (R-CORP-5).
        const auto corporate = corporate_number_standing(db, number.str());
        if (corporate) {
            require_number_not_blocked(*corporate, number);
            require_user_data_for_desk_payment(*corporate, number);
        }
        if (!corporate && !live_subscription(db, number.str()) && !ctx.new_numbers.count(number.str()))
            throw InputError("msisdn", tr("Number"),
                             trf("{1} is not a number in service with the operator", {number.display()}));
        // Accepted as the operator's payment agent (R-POS-10): its receipt must name the supplier, kept with
        // the sale as it is now (read once per sale, where it was always read).
        if (!ctx.supplier) {
            const AgentSupplier s = require_top_up_supplier(db);
            ctx.supplier = SaleSupplier{s.name, s.inn, s.phone};
        }
        const Money amount = r.amount.get();
        if (amount.kopecks() < kMinTopUp || amount.kopecks() > kMaxTopUp)
            throw InputError("amount", tr("Amount"),
                             trf("a top-up is from {1} to {2}",
                                 {Money::from_kopecks(kMinTopUp).format(), Money::from_kopecks(kMaxTopUp).format()}));
        p.msisdn = number.str();
        p.unit_price = amount;
        p.vat_code = "none";
        p.agent = true;
        p.description = trf("Balance top-up {1}", {number.display()}).str();
        break;
    }
    case LineKind::service:
    case LineKind::gadget:
    case LineKind::accessory: {
        if (d.product_code.empty()) throw InputError("product", tr("Product"), tr("must be chosen"));
        const PriceInForce price = price_in_force(db, d.product_code, ctx.today);
        ctx.vat_rates.emplace(price.vat_code, price.vat_basis_points);
        const std::string wanted = to_string(d.kind);
        if (price.kind != wanted)
            throw InputError("product", tr("Product"), trf("{1} is not sold as this kind of line", {price.name}));
        if (d.quantity < 1 || d.quantity > 99)
            throw InputError("quantity", tr("Quantity"), tr("must be from 1 to 99"));
        if (d.kind == LineKind::service) {
            // An option is connected to a number: the client's, or one sold in this very sale.
            const Msisdn& number = r.msisdn.get();
            if (!ctx.new_numbers.count(number.str()) && !live_subscription(db, number.str()))
                throw InputError("msisdn", tr("Number"),
                                 trf("{1} is not a number in service with the operator", {number.display()}));
            if (d.quantity != 1) throw InputError("quantity", tr("Quantity"), tr("an option is connected once"));
            p.msisdn = number.str();
            p.description = trf("{1} for {2}", {price.name, number.display()}).str();
        } else if (d.kind == LineKind::gadget) {
            p.description = price.name;
            sell_gadget(ctx, d, r, price, p);
        } else {
            p.description = price.name;
        }
        p.product_id = price.product_id;
        p.product_version_id = price.version_id;
        p.quantity = d.quantity;
        p.unit_price = Money::from_kopecks(price.price);
        p.vat_code = price.vat_code;
        break;
    }
    }
    p.amount = p.unit_price * p.quantity;
    auto rate = ctx.vat_rates.find(p.vat_code);
    if (rate == ctx.vat_rates.end())
        rate = ctx.vat_rates.emplace(p.vat_code, vat_basis_points(db, p.vat_code, ctx.today)).first;
    p.vat_basis_points = rate->second;
    p.vat_amount = Money::from_kopecks(vat_included(p.amount.kopecks(), p.vat_basis_points));
    return p;
}

// Which lines need the buyer's passport and registration form.
bool needs_client(const SaleDraft& d) {
    return std::any_of(d.lines.begin(), d.lines.end(), [](const DraftLine& l) {
        return l.kind == LineKind::sim || l.kind == LineKind::sim_replacement || l.kind == LineKind::port_in;
    });
}

// A line's refusal named for the sale: "line3.iccid", "Line 3: ICCID".
InputError on_line(std::size_t i, const InputError& e) {
    return InputError("line" + std::to_string(i + 1) + "." + e.input(),
                      trf("Line {1}: {2}", {std::to_string(i + 1), e.field().str()}), e.reason());
}

SaleQuote price_with(PricingContext& ctx, const SaleDraft& draft, const ReadDraft& read, bool with_payment) {
    if (draft.lines.empty()) throw InputError("lines", tr("Sale"), tr("has no lines yet"));
    SaleQuote q;
    // SIM sales and port-ins first, so a service or a top-up may name a number they bring in.
    std::vector<std::size_t> order(draft.lines.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        auto first = [](LineKind k) { return k == LineKind::sim || k == LineKind::port_in ? 0 : 1; };
        return first(draft.lines[a].kind) < first(draft.lines[b].kind);
    });
    std::vector<PricedLine> priced(draft.lines.size());
    for (std::size_t i : order) {
        try {
            priced[i] = price_line(ctx, draft.lines[i], read.lines[i]);
        } catch (const InputErrors& e) {
            std::vector<InputError> problems;
            for (const InputError& p : e.problems()) problems.push_back(on_line(i, p));
            throw InputErrors(trf("Line {1}: {2}", {std::to_string(i + 1), e.field().str()}), std::move(problems),
                              e.reason());
        } catch (const InputError& e) {
            throw on_line(i, e);
        }
    }
    for (const PricedLine& p : priced) q.total += p.amount;
    q.lines = std::move(priced);
    q.supplier = ctx.supplier;
    q.paid_cash = read.paid_cash.get();
    q.paid_card = read.paid_card.get();
    if (q.paid_card > q.total)
        throw InputError("paid_card", tr("Card"), trf("a card pays at most the total, {1}", {q.total.format()}));
    const Money paid = q.paid_cash + q.paid_card;
    q.paid_enough = paid >= q.total;
    if (q.paid_enough) q.change_due = paid - q.total;
    if (with_payment && !q.paid_enough)
        throw InputError(q.paid_card > Money() && q.paid_cash == Money() ? "paid_card" : "paid_cash",
                         tr("Payment"),
                         trf("{1} is short of the total {2} by {3}",
                             {paid.format(), q.total.format(), (q.total - paid).format()}));
    return q;
}

// Only the passport typed: a client already registered, identified by the document alone.
bool passport_only(const ClientForm& c) {
    auto blank = [](const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; };
    return !blank(c.passport) && blank(c.full_name) && blank(c.birth_date) && blank(c.document_issued_on) &&
           blank(c.document_issuer) && blank(c.address) && blank(c.phone);
}

PricingContext context_for(db::Database& db, const Actor& actor, const SaleDraft& draft, const ReadDraft& read) {
    PricingContext ctx(db, actor, actor.member().salon_id, CalendarDate::of_utc(db.now()));
    if (draft.with_client || needs_client(draft)) {
        if (!draft.with_client)
            throw InputError("client", tr("Client"), tr("fill in the client's registration form first"));
        if (passport_only(draft.client)) {
            ctx.client = client_record_by_passport(db, read.passport.get());
            if (!ctx.client)
                throw InputError("full_name", tr("Full name"),
                                 tr("this passport is not registered yet: fill in the whole form"));
            ctx.client_known = true;
            return ctx;
        }
        ClientRecord c = read.client.get();
        // An existing client keeps his number; a new one gets it when the sale commits.
        ctx.registered = client_record_by_passport(db, read.passport.get());
        c.id = ctx.registered ? ctx.registered->id : 0;
        ctx.client = c;
    }
    return ctx;
}

// The till's open shift, as the seller found it.
struct TillShift {
    long long id = 0, dealer_id = 0;
    int number = 0;
};

// The seller may sell here (the role's permission and the certification, R-TRN-11) and the till has an open
// shift: checked in that order, from one statement in the usual case, which also reads the SIM limit per
// person ahead for require_within_sim_limit (setting_number finds it in the transaction's memo). The shift's row is locked on
// PostgreSQL for the receipt number (next_receipt). The seller is confirmed once for the whole transaction;
// the till's shift and the salon's dealer are one light read rather than open_shift_at, which confirms the
// person twice more and reads the shift's whole record (each statement is a round trip to a server; see
// `salon-cli bench sale`).
db::Read till_shift_read(db::Database& db, const Actor& actor, const std::string& till) {
    static const std::string read_shift =
        "SELECT sh.id, sh.number, sa.dealer_id, "
        "(SELECT count(*) FROM role_permission WHERE role = :r AND permission = :p), "
        "(SELECT count(*) FROM certification WHERE staff_id = :id), "
        "(SELECT value FROM setting WHERE name = :n) "
        "FROM shift sh JOIN salon sa ON sa.id = sh.salon_id "
        "WHERE sh.salon_id = :s AND sh.till = :t AND sh.closed_at IS NULL";
    static const std::string read_and_lock_shift = read_shift + " FOR UPDATE OF sh";
    const StaffMember& me = actor.member();  // confirm() refuses a person whose role or salon changed
    return {db.backend() == db::Backend::postgresql ? read_and_lock_shift : read_shift,
            {std::string(to_string(me.role)), std::string(to_string(Permission::sell)),
             static_cast<long long>(me.id), std::string(kSimLimitPerPerson), static_cast<long long>(me.salon_id),
             till}};
}

TillShift seller_at_till(db::Database& db, const Actor& actor, const std::string& till,
                         ClientKind serves = ClientKind::private_client) {
    const StaffMember& me = actor.confirm(db);
    const std::string role(to_string(me.role)), permission(to_string(Permission::sell));
    const long long id = me.id, salon = actor.member().salon_id;
    long long permitted = 0, certified = 0;
    TillShift shift;
    const std::vector<db::TextRow> rows = db.read_rows(till_shift_read(db, actor, till));
    const bool found = !rows.empty();
    if (found) {
        const db::TextRow& row = rows.front();
        shift.id = db::row_integer(row, 0);
        shift.number = static_cast<int>(db::row_integer(row, 1));
        shift.dealer_id = db::row_integer(row, 2);
        permitted = db::row_integer(row, 3);
        certified = db::row_integer(row, 4);
        db.set_transaction_memo(std::string("setting:") + kSimLimitPerPerson,
                                db::row_null(row, 5) ? std::string() : "=" + db::row_text(row, 5));
    }
    if (!found)  // no open shift: the seller's own checks still come first
        db.run("SELECT (SELECT count(*) FROM role_permission WHERE role = :r AND permission = :p), "
               "(SELECT count(*) FROM certification WHERE staff_id = :id)",
               soci::use(role), soci::use(permission), soci::use(id), soci::into(permitted), soci::into(certified));
    if (!permitted) actor.require(db, Permission::sell);  // the permission's own refusal
    if (salon == 0) throw RefusedError(tr("Only a salon's staff work at its till: you are not bound to a salon."));
    require_may_serve_now(me, serves, certified > 0);
    if (!found) throw RefusedError(tr("No shift is open at this till: open a shift first."));
    return shift;
}

// A sale with a company's business tariff serves a corporate client (R-TRN-11).
ClientKind served_by(const SaleDraft& draft) {
    for (const DraftLine& l : draft.lines)
        if (l.kind == LineKind::corporate_tariff) return ClientKind::corporate_client;
    return ClientKind::private_client;
}

void insert_gateway_request(db::Database& db, long long now, long long line_id, const std::string& kind,
                                 const nlohmann::json& payload) {
    // Sent with the sale's commit on PostgreSQL (Database::later): the sale reads nothing of it back.
    db.later("INSERT INTO gateway_request (sale_line_id, kind, payload, status, created_at) "
             "VALUES (:l, :k, :p, 'pending', :at)",
             {line_id, kind, payload.dump(), now});
}

// The next receipt number of the shift, taken in the sale's transaction: contiguous, never reused. It is
// read from the shift's sales (the (shift, receipt number) key gives the highest at once) rather than
// kept in the shift's row, which every sale would otherwise write. SQLite's write lock already
// serialises sales; on PostgreSQL the shift's row is locked for the transaction.
// With a visit, the same statement says whether the visit is in the sale's salon (`visit_here`): one
// statement fewer in every sale.
// `locked`: the caller already read the shift's row FOR UPDATE in this transaction.
// The receipt number's read with a visit. On PostgreSQL it names the till's open shift rather than its
// id, so that a sale can announce it (read_ahead) before the shift's own read gives the id: it then runs
// after that read's lock, in the same round trip.
db::Read receipt_read(db::Database& db, long long shift_id, long long visit, long long salon_id,
                      const std::string& till) {
    if (db.backend() == db::Backend::postgresql)
        return {"SELECT COALESCE(MAX(receipt_number), 0), "
                "(SELECT COUNT(*) FROM visit WHERE id = :v AND salon_id = :sa) FROM sale WHERE shift_id = "
                "(SELECT id FROM shift WHERE salon_id = :sa2 AND till = :t AND closed_at IS NULL)",
                {visit, salon_id, salon_id, till}};
    return {"SELECT COALESCE(MAX(receipt_number), 0), "
            "(SELECT COUNT(*) FROM visit WHERE id = :v AND salon_id = :sa) FROM sale WHERE shift_id = :s",
            {visit, salon_id, shift_id}};
}

int next_receipt(db::Database& db, long long shift_id, long long visit = 0, long long salon_id = 0,
                 bool* visit_here = nullptr, bool locked = false, const std::string& till = {}) {
    if (db.backend() == db::Backend::postgresql && !locked) {
        long long locked = 0;
        db.run("SELECT id FROM shift WHERE id = :s FOR UPDATE", soci::use(shift_id), soci::into(locked));
    }
    int last = 0;
    if (!visit && !locked) {
        db.run("SELECT COALESCE(MAX(receipt_number), 0) FROM sale WHERE shift_id = :s", soci::use(shift_id),
               soci::into(last));
        return last + 1;
    }
    const std::vector<db::TextRow> rows = db.read_rows(receipt_read(db, shift_id, visit, salon_id, till));
    if (visit_here && visit) *visit_here = !rows.empty() && db::row_integer(rows.front(), 1) > 0;
    return static_cast<int>(rows.empty() ? 1 : db::row_integer(rows.front(), 0) + 1);
}

// A supplier's attribute for the sale's row, NULL for a sale without a top-up.
db::Param supplier_param(const std::optional<SaleSupplier>& s, std::string SaleSupplier::*field) {
    return s ? db::Param((*s).*field) : db::Param::null();
}

long long insert_line(db::Database& db, long long sale_id, int line_no, const PricedLine& p, long long refund_of_line) {
    using db::Param;
    return db.insert_later(
        "sale_line",
        "INSERT INTO sale_line (id, sale_id, line_no, kind, description, product_id, product_version_id, "
        "tariff_version_id, is_bundle, sim_card_id, old_sim_card_id, msisdn, quantity, unit_price, amount, "
        "vat_code, vat_basis_points, vat_amount, agent, refund_of_line) VALUES (:id, :s, :n, :k, :d, :p, :pv, "
        ":tv, :b, :c, :oc, :m, :q, :u, :a, :vc, :vb, :va, :ag, :r)",
        {sale_id, line_no, to_string(p.kind), p.description, Param::or_null(p.product_id),
         Param::or_null(p.product_version_id), Param::or_null(p.tariff_version_id), p.is_bundle ? 1 : 0,
         Param::or_null(p.sim_card_id), Param::or_null(p.old_sim_card_id), Param::or_null(p.msisdn), p.quantity,
         p.unit_price.kopecks(), p.amount.kopecks(), p.vat_code, p.vat_basis_points, p.vat_amount.kopecks(),
         p.agent ? 1 : 0, Param::or_null(refund_of_line)});
}

// The unit and the warranty of a gadget line (a sale's or its refund's), beside the line.
void record_gadget_line(db::Database& db, long long line_id, const PricedLine& p) {
    long long unit = p.gadget_unit_id;
    soci::indicator unit_ind = unit ? soci::i_ok : soci::i_null;
    soci::indicator imei_ind = p.imei.empty() ? soci::i_null : soci::i_ok;
    soci::indicator until_ind = p.warranty_until.empty() ? soci::i_null : soci::i_ok;
    const int months = p.warranty_months;
    db.run("INSERT INTO sale_line_gadget (sale_line_id, gadget_unit_id, imei, warranty_months, warranty_until) "
           "VALUES (:l, :u, :i, :m, :w)",
           soci::use(line_id), soci::use(unit, unit_ind), soci::use(p.imei, imei_ind), soci::use(months),
           soci::use(p.warranty_until, until_ind));
}

// The stock, subscriptions and requests a committed line brings about, at the sale's moment `now`.
void apply_line(db::Database& db, const Actor& actor, const PricedLine& p, long long line_id,
                long long client_id, const DraftLine& d, const ReadLine& r, long long now,
                const std::map<std::int64_t, SimCard>& cards, const std::map<std::int64_t, GadgetUnit>& units,
                bool marketing_consent) {
    const long long staff = actor.staff_id();
    switch (p.kind) {
    case LineKind::sim: {
        set_sim_status(db, cards.at(p.sim_card_id), "sold", staff, "sale line " + std::to_string(line_id),
                       "");
        const long long card = p.sim_card_id, tariff = p.tariff_id;
        // The contract records the consent its client signs (152-FZ art. 9): the text's version and the
        // separate consent to offers, in the subscription's own row, so the sale runs no extra statement.
        const std::string& consent = current_consent_text().version;
        const int marketing = marketing_consent ? 1 : 0;
        db.later("INSERT INTO subscription (msisdn, client_id, sim_card_id, tariff_id, started_at, consent_text, "
                 "consent_marketing) VALUES (:m, :c, :s, :t, :at, :ct, :cm)",
                 {p.msisdn, client_id, card, tariff, now, consent, marketing});
        insert_gateway_request(db, now, line_id, "activate", {{"msisdn", p.msisdn}, {"sim_card", card}, {"tariff", d.tariff_code}});
        break;
    }
    case LineKind::sim_replacement: {
        set_sim_status(db, p.old_sim_card_id, "replaced", staff, "replaced by sale line " + std::to_string(line_id), "");
        set_sim_status(db, cards.at(p.sim_card_id), "sold", staff, "sale line " + std::to_string(line_id),
                       p.msisdn);
        const long long card = p.sim_card_id;
        db.later("UPDATE subscription SET sim_card_id = :c WHERE msisdn = :m AND ended_at IS NULL", {card, p.msisdn});
        insert_gateway_request(db, now, line_id, "sim_replacement", {{"msisdn", p.msisdn}, {"sim_card", card}});
        break;
    }
    case LineKind::tariff_change: {
        const long long tariff = p.tariff_id;
        db.later("UPDATE subscription SET tariff_id = :t WHERE msisdn = :m AND ended_at IS NULL", {tariff, p.msisdn});
        insert_gateway_request(db, now, line_id, "tariff_change", {{"msisdn", p.msisdn}, {"tariff", d.tariff_code}});
        break;
    }
    case LineKind::port_in: {
        const std::string wanted = r.desired_date.get().iso();
        const std::string& donor = r.donor.get();
        db.later("INSERT INTO port_request (sale_line_id, client_id, msisdn, donor_operator, desired_date, "
                 "status, created_at, updated_at) VALUES (:l, :c, :m, :d, :w, 'submitted', :at, :at2)",
                 {line_id, client_id, p.msisdn, donor, wanted, now, now});
        insert_gateway_request(db, now, line_id, "port_in",
                               {{"msisdn", p.msisdn}, {"donor", donor}, {"date", wanted}, {"tariff", d.tariff_code}});
        break;
    }
    case LineKind::corporate_tariff:
        insert_gateway_request(db, now, line_id, "tariff_change",
                               {{"msisdn", p.msisdn}, {"tariff", d.tariff_code}, {"corporate", true}});
        break;
    case LineKind::top_up:
        insert_gateway_request(db, now, line_id, "top_up", {{"msisdn", p.msisdn}, {"amount", p.amount.kopecks()}});
        break;
    case LineKind::service:
        insert_gateway_request(db, now, line_id, "service", {{"msisdn", p.msisdn}, {"product", d.product_code}});
        break;
    case LineKind::gadget:
        if (p.gadget_unit_id) {
            const GadgetUnit& unit = units.at(p.gadget_unit_id);
            set_gadget_status(db, unit, kGadgetSold, unit.salon_id, staff, "sale line " + std::to_string(line_id));
        }
        if (p.gadget_unit_id || p.warranty_months) record_gadget_line(db, line_id, p);
        break;
    case LineKind::accessory:
        break;
    }
}

}  // namespace

std::string to_string(LineKind kind) {
    for (const auto& [k, name] : kKinds)
        if (k == kind) return name;
    return "service";
}

LineKind line_kind_from_string(const std::string& text) {
    for (const auto& [k, name] : kKinds)
        if (text == name) return k;
    throw InputError("kind", tr("Operation"), trf("unknown operation \"{1}\"", {text}));
}

SaleQuote price_sale(db::Database& db, const Actor& actor, const SaleDraft& draft, bool with_payment) {
    actor.confirm(db);
    const ReadDraft read = read_draft(draft, CalendarDate::of_utc(db.now()));
    PricingContext ctx = context_for(db, actor, draft, read);
    return price_with(ctx, draft, read, with_payment);
}

namespace {
// On PostgreSQL every read a sale needs goes to the server in one round trip (Database::read_ahead), in
// the order the sale makes them, so that its locks are taken in the same order as before: the seller,
// the till's shift (locked), the client, the cards (locked), the tariffs and the card's price, the receipt
// number, the journal's chain (locked) and head. Then the writes go with the COMMIT: a sale is three round
// trips (BEGIN, the reads, the writes) where it was ten (`salon-cli bench sale`). A value the draft does not
// read (a wrong ICCID) is announced not at all; the sale then refuses it as before.
void announce_sale_reads(db::Database& db, const Actor& actor, const std::string& till, const SaleDraft& draft,
                         const ReadDraft& read) {
    if (!db.reads_ahead()) return;
    const CalendarDate today = CalendarDate::of_utc(db.now());
    actor.announce_confirm(db);
    db.read_ahead(till_shift_read(db, actor, till));
    if ((draft.with_client || needs_client(draft)) && read.passport.ok()) {
        announce_client_by_passport(db, read.passport.get());
        // A registered person's numbers, counted for the SIM limit (R-POS-7) by the same passport.
        if (std::any_of(draft.lines.begin(), draft.lines.end(),
                        [](const DraftLine& l) { return l.kind == LineKind::sim || l.kind == LineKind::port_in; }))
            announce_sim_limit(db, read.passport.get());
    }
    bool card_priced = false;
    std::set<std::string> tariffs;
    for (std::size_t i = 0; i < draft.lines.size(); ++i) {
        const DraftLine& d = draft.lines[i];
        if (d.kind == LineKind::sim || d.kind == LineKind::sim_replacement) {
            if (read.lines[i].iccid.ok()) announce_sim_for_sale(db, read.lines[i].iccid.get().str());
            card_priced = true;
        }
        if (d.kind == LineKind::sim && !d.tariff_code.empty() && tariffs.insert(d.tariff_code).second)
            db.read_ahead(tariff_read(d.tariff_code, today));
    }
    if (card_priced) announce_products_on_sale(db, today, "sim");
    db.read_ahead(receipt_read(db, 0, draft.visit_id, actor.member().salon_id, till));
    actor.announce_record(db);
}
}  // namespace

CommittedSale commit_sale(db::Database& db, const Actor& actor, const std::string& till,
                          const SaleDraft& draft, const std::function<void(std::int64_t sale_id)>& within) {
    const ClientKind serves = served_by(draft);
    // A business tariff goes through the corporate desk, which checks the company's contract and who may
    // order it in `within`; a draft typed at the sales desk cannot carry one past those checks.
    if (serves == ClientKind::corporate_client && !within)
        throw RefusedError(tr("A business tariff is connected at the corporate desk."));
    // The draft is read before the lock (see ReadValue), its form for the day this machine's clock gives,
    // which costs no round trip to a server; when the transaction's day is another one (midnight, or the
    // station's clock off the server's), the draft is read again for that day, again outside the lock.
    CalendarDate day = CalendarDate::of_utc(db.now_without_asking());
    std::optional<ReadDraft> read_first(read_draft(draft, day));
    std::optional<db::WriteTransaction> open(std::in_place, db);
    while (read_first->form_read && !(CalendarDate::of_utc(db.now()) == day)) {
        day = CalendarDate::of_utc(db.now());
        open.reset();
        read_first.emplace(read_draft(draft, day));
        open.emplace(db);
    }
    const ReadDraft& read = *read_first;
    db::WriteTransaction& tx = *open;
    announce_sale_reads(db, actor, till, draft, read);
    const TillShift shift = seller_at_till(db, actor, till, serves);
    const long long shift_id = shift.id, dealer_id = shift.dealer_id;
    const int shift_number = shift.number;
    PricingContext ctx = context_for(db, actor, draft, read);
    const SaleQuote q = price_with(ctx, draft, read, true);
    long long client_id = 0;
    if (ctx.client) {
        const int adding = static_cast<int>(std::count_if(draft.lines.begin(), draft.lines.end(), [](const DraftLine& l) {
            return l.kind == LineKind::sim || l.kind == LineKind::port_in;
        }));
        // A registered person's numbers are counted by the passport the draft carries (announce_sale_reads
        // sent the count); a new person has none, but the limit still applies to one sale's worth of cards.
        if (adding > 0)
            require_within_sim_limit(db, ctx.client->id != 0 ? &read.passport.get() : nullptr, adding);
    }
    const long long salon_id = ctx.salon_id;
    const long long staff = actor.staff_id();
    const long long visit = draft.visit_id;
    bool visit_here = true;  // only checked, not written: the sale's own row names the visit and its client
    // Read before the client is stored: on PostgreSQL every write from here on goes with the next round trip.
    const int receipt = next_receipt(db, shift_id, visit, salon_id, &visit_here, true, till);
    if (!visit_here) throw InputError("visit", tr("Visit"), tr("this visit is not in this salon's queue"));
    if (ctx.client)
        client_id = ctx.client_known ? ctx.client->id : store_client(db, actor, *ctx.client, ctx.registered);
    const long long now = db.now();
    // Sent with the commit on PostgreSQL (Database::insert_later), as are its lines and all they bring about.
    const long long sale_id = db.insert_later(
        "sale",
        "INSERT INTO sale (id, dealer_id, salon_id, shift_id, staff_id, visit_id, client_id, kind, receipt_number, "
        "created_at, total, paid_cash, paid_card, change_due, supplier_name, supplier_inn, supplier_phone) "
        "VALUES (:id, :d, :s, :sh, :st, :v, :c, 'sale', :r, :at, :t, :pc, :pd, :ch, :sn, :si, :sp)",
        {dealer_id, salon_id, shift_id, staff, db::Param::or_null(visit), db::Param::or_null(client_id), receipt,
         now, q.total.kopecks(), q.paid_cash.kopecks(), q.paid_card.kopecks(), q.change_due.kopecks(),
         supplier_param(q.supplier, &SaleSupplier::name), supplier_param(q.supplier, &SaleSupplier::inn),
         supplier_param(q.supplier, &SaleSupplier::phone)});
    for (std::size_t i = 0; i < q.lines.size(); ++i) {
        const long long line_id = insert_line(db, sale_id, static_cast<int>(i + 1), q.lines[i], 0);
        apply_line(db, actor, q.lines[i], line_id, client_id, draft.lines[i], read.lines[i], now, ctx.cards,
                   ctx.units, draft.marketing_consent);
    }
    db.later("DELETE FROM sale_draft WHERE staff_id = :s AND till = :t", {staff, till});
    actor.record(db, "sale.commit", "sale:" + std::to_string(sale_id),
                 "shift=" + std::to_string(shift_id) + " receipt=" + std::to_string(receipt) +
                     " lines=" + std::to_string(q.lines.size()) + " total=" + q.total.plain());
    if (within) within(sale_id);
    tx.commit();
    return CommittedSale{sale_id, receipt, shift_number, q.total, q.change_due};
}

// ---- drafts

std::string draft_to_json(const SaleDraft& d) {
    nlohmann::json j;
    j["visit_id"] = d.visit_id;
    j["with_client"] = d.with_client;
    j["client"] = {{"full_name", d.client.full_name},   {"birth_date", d.client.birth_date},
                   {"passport", d.client.passport},     {"issued_on", d.client.document_issued_on},
                   {"issuer", d.client.document_issuer}, {"address", d.client.address},
                   {"phone", d.client.phone}};
    j["lines"] = nlohmann::json::array();
    for (const DraftLine& l : d.lines)
        j["lines"].push_back({{"kind", to_string(l.kind)},
                              {"product", l.product_code},
                              {"quantity", l.quantity},
                              {"iccid", l.iccid},
                              {"msisdn", l.msisdn},
                              {"tariff", l.tariff_code},
                              {"amount", l.amount},
                              {"donor", l.donor_operator},
                              {"desired_date", l.desired_date}});
    for (std::size_t i = 0; i < d.lines.size(); ++i)
        if (!d.lines[i].imei.empty()) j["lines"][i]["imei"] = d.lines[i].imei;
    j["paid_cash"] = d.paid_cash;
    j["paid_card"] = d.paid_card;
    j["marketing_consent"] = d.marketing_consent;
    return j.dump();
}

SaleDraft draft_from_json(const std::string& text) {
    SaleDraft d;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return d;
    auto str = [](const nlohmann::json& o, const char* key) { return o.value(key, std::string()); };
    d.visit_id = j.value("visit_id", 0LL);
    d.with_client = j.value("with_client", false);
    if (j.contains("client") && j["client"].is_object()) {
        const auto& c = j["client"];
        d.client = ClientForm{str(c, "full_name"), str(c, "birth_date"), str(c, "passport"), str(c, "issued_on"),
                              str(c, "issuer"),    str(c, "address"),    str(c, "phone")};
    }
    if (j.contains("lines") && j["lines"].is_array())
        for (const auto& l : j["lines"]) {
            DraftLine line;
            try {
                line.kind = line_kind_from_string(str(l, "kind"));
            } catch (const InputError&) {
                continue;  // a kind this version does not know: dropped rather than guessed
            }
            line.product_code = str(l, "product");
            line.quantity = l.value("quantity", 1);
            line.iccid = str(l, "iccid");
            line.msisdn = str(l, "msisdn");
            line.tariff_code = str(l, "tariff");
            line.amount = str(l, "amount");
            line.donor_operator = str(l, "donor");
            line.desired_date = str(l, "desired_date");
            line.imei = str(l, "imei");
            d.lines.push_back(line);
        }
    d.paid_cash = str(j, "paid_cash");
    d.paid_card = str(j, "paid_card");
    if (j.contains("marketing_consent") && j["marketing_consent"].is_boolean())
        d.marketing_consent = j["marketing_consent"].get<bool>();
    return d;
}

void save_draft(db::Database& db, const Actor& actor, const std::string& till, const SaleDraft& draft) {
    actor.require(db, Permission::sell);
    const long long staff = actor.staff_id();
    if (staff == 0) throw RefusedError(tr("Only a salon's staff work at its till: you are not bound to a salon."));
    const long long salon = actor.member().salon_id;
    // A draft may hold a registration form being typed: sealed like the client's record (152-FZ art. 19).
    const std::string content = db::personal_data_key(db).seal(draft_to_json(draft), db::sale_draft_place(staff, till));
    const long long now = db.now();
    db::WriteTransaction tx(db);
    long long count = 0;
    db.run("SELECT COUNT(*) FROM sale_draft WHERE staff_id = :s AND till = :t", soci::use(staff),
           soci::use(till), soci::into(count));
    if (count)
        db.run("UPDATE sale_draft SET content = :c, updated_at = :at WHERE staff_id = :s AND till = :t",
               soci::use(content), soci::use(now), soci::use(staff), soci::use(till));
    else
        db.run(
            "INSERT INTO sale_draft (staff_id, salon_id, till, content, updated_at) VALUES (:s, :sa, :t, :c, "
            ":at)",
            soci::use(staff), soci::use(salon), soci::use(till), soci::use(content), soci::use(now));
    tx.commit();
}

std::optional<SaleDraft> load_draft(db::Database& db, const Actor& actor, const std::string& till) {
    actor.confirm(db);
    const long long staff = actor.staff_id();
    std::string content;
    soci::indicator ind = soci::i_null;
    db.run("SELECT content FROM sale_draft WHERE staff_id = :s AND till = :t", soci::use(staff),
           soci::use(till), soci::into(content, ind));
    if (ind != soci::i_ok) return std::nullopt;
    return draft_from_json(db::personal_data_key(db).open(content, db::sale_draft_place(staff, till)));
}

void discard_draft(db::Database& db, const Actor& actor, const std::string& till) {
    actor.confirm(db);
    const long long staff = actor.staff_id();
    db::WriteTransaction tx(db);
    db.run("DELETE FROM sale_draft WHERE staff_id = :s AND till = :t", soci::use(staff), soci::use(till));
    tx.commit();
}

SaleDraft void_draft_line(db::Database& db, const Actor& actor, const std::string& till, std::size_t index) {
    actor.require(db, Permission::void_line);
    db::WriteTransaction tx(db);
    auto draft = load_draft(db, actor, till);
    if (!draft || index >= draft->lines.size())
        throw ValidationError(tr("Sale"), tr("there is no such line to void"));
    const LineKind kind = draft->lines[index].kind;
    draft->lines.erase(draft->lines.begin() + static_cast<std::ptrdiff_t>(index));
    const long long staff = actor.staff_id();
    const std::string content = db::personal_data_key(db).seal(draft_to_json(*draft), db::sale_draft_place(staff, till));
    const long long now = db.now();
    db.run("UPDATE sale_draft SET content = :c, updated_at = :at WHERE staff_id = :s AND till = :t",
           soci::use(content), soci::use(now), soci::use(staff), soci::use(till));
    actor.record(db, "sale.void_line", "till:" + till, "line=" + std::to_string(index + 1) + " kind=" + to_string(kind));
    tx.commit();
    return *draft;
}

// ---- reading sales

namespace {

std::vector<SaleRecord> query_sales(db::Database& db, const Actor& actor, const std::string& where, long long a,
                                    long long b, long long c, int limit) {
    actor.confirm(db);
    std::vector<SaleRecord> out;
    SaleRecord s;
    long long id = 0, refund_of = 0, dealer = 0, salon = 0, shift = 0, staff = 0, visit = 0, client = 0, at = 0,
              total = 0, cash = 0, card = 0, change = 0, approved = 0;
    SaleSupplier supplier;
    soci::indicator supplier_ind = soci::i_null, inn_ind = soci::i_null, phone_ind = soci::i_null;
    const std::string sql =
        "SELECT s.id, s.kind, COALESCE(s.refund_of, 0), s.dealer_id, s.salon_id, s.shift_id, s.staff_id, "
        "COALESCE(s.visit_id, 0), COALESCE(s.client_id, 0), d.name, d.inn, sa.name, sa.address, sa.time_zone, "
        "sh.till, p.full_name, sh.number, s.receipt_number, s.created_at, s.total, s.paid_cash, s.paid_card, "
        "s.change_due, COALESCE(s.approved_by, 0), s.fiscal_state, s.supplier_name, s.supplier_inn, "
        "s.supplier_phone FROM sale s JOIN dealer d ON d.id = s.dealer_id "
        "JOIN salon sa ON sa.id = s.salon_id JOIN shift sh ON sh.id = s.shift_id JOIN staff p ON p.id = s.staff_id " +
        where + " ORDER BY s.created_at DESC, s.id DESC";
    db::Statement st = db.query(
        sql, soci::use(a, "a"), soci::use(b, "b"), soci::use(c, "c"), soci::into(id), soci::into(s.kind),
        soci::into(refund_of), soci::into(dealer), soci::into(salon), soci::into(shift), soci::into(staff),
        soci::into(visit), soci::into(client), soci::into(s.dealer_name), soci::into(s.dealer_inn),
        soci::into(s.salon_name), soci::into(s.salon_address), soci::into(s.time_zone), soci::into(s.till),
        soci::into(s.staff_name), soci::into(s.shift_number), soci::into(s.receipt_number), soci::into(at),
        soci::into(total), soci::into(cash), soci::into(card), soci::into(change), soci::into(approved),
        soci::into(s.fiscal_state), soci::into(supplier.name, supplier_ind), soci::into(supplier.inn, inn_ind),
        soci::into(supplier.phone, phone_ind));
    st.execute();
    while (st.fetch()) {
        if (!actor.sees_dealer(dealer)) continue;
        s.supplier.reset();
        if (supplier_ind == soci::i_ok)
            s.supplier = SaleSupplier{supplier.name, inn_ind == soci::i_ok ? supplier.inn : std::string(),
                                      phone_ind == soci::i_ok ? supplier.phone : std::string()};
        if (!needs_fiscal_receipt(Money::from_kopecks(total)) && s.fiscal_state != "fiscalised")
            s.fiscal_state = "not_required";
        s.id = id;
        s.refund_of = refund_of;
        s.dealer_id = dealer;
        s.salon_id = salon;
        s.shift_id = shift;
        s.staff_id = staff;
        s.visit_id = visit;
        s.client_id = client;
        s.created_at = at;
        s.total = Money::from_kopecks(total);
        s.paid_cash = Money::from_kopecks(cash);
        s.paid_card = Money::from_kopecks(card);
        s.change_due = Money::from_kopecks(change);
        s.approved_by = approved;
        out.push_back(s);
        if (limit > 0 && static_cast<int>(out.size()) >= limit) break;
    }
    return out;
}

void read_lines(db::Database& db, SaleRecord& s) {
    SaleRecord::Line l;
    long long id = 0, unit = 0, amount = 0, vat = 0, refund_of = 0;
    std::string kind;
    int agent = 0, bundle = 0;
    soci::indicator msisdn_ind = soci::i_null;
    const long long sale_id = s.id;
    db::Statement st = db.query(
        "SELECT l.id, l.line_no, l.kind, l.description, l.msisdn, l.quantity, l.unit_price, l.amount, l.vat_code, "
        "l.vat_basis_points, l.vat_amount, l.agent, l.is_bundle, COALESCE(l.refund_of_line, 0), "
        "COALESCE(g.imei, ''), COALESCE(g.warranty_months, 0), COALESCE(g.warranty_until, '') "
        "FROM sale_line l LEFT JOIN sale_line_gadget g ON g.sale_line_id = l.id WHERE l.sale_id = :s "
        "ORDER BY l.line_no",
        soci::use(sale_id), soci::into(id), soci::into(l.line_no), soci::into(kind),
        soci::into(l.description), soci::into(l.msisdn, msisdn_ind), soci::into(l.quantity), soci::into(unit),
        soci::into(amount), soci::into(l.vat_code), soci::into(l.vat_basis_points), soci::into(vat),
        soci::into(agent), soci::into(bundle), soci::into(refund_of), soci::into(l.imei),
        soci::into(l.warranty_months), soci::into(l.warranty_until));
    st.execute();
    s.lines.clear();
    while (st.fetch()) {
        l.id = id;
        l.kind = line_kind_from_string(kind);
        if (msisdn_ind != soci::i_ok) l.msisdn.clear();
        l.unit_price = Money::from_kopecks(unit);
        l.amount = Money::from_kopecks(amount);
        l.vat_amount = Money::from_kopecks(vat);
        l.agent = agent != 0;
        l.is_bundle = bundle != 0;
        l.refund_of_line = refund_of;
        s.lines.push_back(l);
    }
}

}  // namespace

SaleRecord get_sale(db::Database& db, const Actor& actor, std::int64_t sale_id) {
    auto found = query_sales(db, actor, "WHERE s.id = :a AND :b = :c", sale_id, 0, 0, 1);
    if (found.empty()) throw ValidationError(tr("Sale"), trf("no sale with number {1}", {std::to_string(sale_id)}));
    read_lines(db, found.front());
    return found.front();
}

std::vector<SaleRecord> list_sales(db::Database& db, const Actor& actor, std::int64_t from, std::int64_t to,
                                   std::int64_t salon_id, int limit) {
    const StaffMember& m = actor.member();
    const long long salon = works_in_salon(m.role) && m.salon_id != 0 ? m.salon_id : salon_id;
    const std::string where = salon ? "WHERE s.created_at >= :a AND s.created_at < :b AND s.salon_id = :c"
                                    : "WHERE s.salon_id IN (SELECT id FROM salon) AND s.created_at >= :a AND "
                                      "s.created_at < :b AND :c = 0";
    auto sales = query_sales(db, actor, where, from, to, salon, limit);
    for (SaleRecord& s : sales) read_lines(db, s);
    return sales;
}

// ---- refunds

namespace {

// A refunded gadget line: its unit (a device sold by IMEI) comes back to the salon's stock as returned, on
// hand and sellable again, and the refund's line keeps the IMEI and warranty the sale's line stated.
void refund_gadget_line(db::Database& db, long long sold_line, long long refund_line, long long staff,
                        long long refund_id) {
    long long line_found = 0, unit_id = 0;
    int months = 0;
    std::string imei, until;
    soci::indicator found = soci::i_null, unit_ind = soci::i_null, imei_ind = soci::i_null, until_ind = soci::i_null;
    db.run("SELECT sale_line_id, gadget_unit_id, imei, warranty_months, warranty_until FROM sale_line_gadget "
           "WHERE sale_line_id = :l",
           soci::use(sold_line), soci::into(line_found, found), soci::into(unit_id, unit_ind), soci::into(imei, imei_ind),
           soci::into(months), soci::into(until, until_ind));
    if (found != soci::i_ok) return;
    PricedLine p;
    p.gadget_unit_id = unit_ind == soci::i_ok ? unit_id : 0;
    p.imei = imei_ind == soci::i_ok ? imei : std::string();
    p.warranty_months = months;
    p.warranty_until = until_ind == soci::i_ok ? until : std::string();
    record_gadget_line(db, refund_line, p);
    if (!p.gadget_unit_id) return;
    const auto unit = gadget_by_id(db, p.gadget_unit_id);
    if (unit && unit->status == kGadgetSold)
        set_gadget_status(db, *unit, kGadgetReturned, unit->salon_id, staff, "refund " + std::to_string(refund_id));
}

}  // namespace

CommittedSale refund_sale(db::Database& db, const Actor& actor, const std::string& till, std::int64_t sale_id,
                          const std::vector<std::int64_t>& line_ids,
                          const std::optional<SupervisorApproval>& approval,
                          const std::optional<std::string>& reason) {
    actor.confirm(db);
    if (actor.member().salon_id == 0)
        throw RefusedError(tr("Only a salon's staff work at its till: you are not bound to a salon."));
    std::string why;
    if (reason) {
        why = required_text("reason", tr("Reason"), *reason);
        // Letters, not bytes: "ок" is two.
        const auto letters = std::count_if(why.begin(), why.end(), [](char c) { return (c & 0xC0) != 0x80; });
        if (letters < 3)
            throw InputError("reason", tr("Reason"), trf("say why in at least {1} characters", {"3"}));
    }
    const std::int64_t approver = require_or_approved(db, actor, Permission::refund, approval);
    db::WriteTransaction tx(db);
    const auto shift = open_shift_at(db, actor, till);
    if (!shift) throw RefusedError(tr("No shift is open at this till: open a shift first."));
    const SaleRecord original = get_sale(db, actor, sale_id);
    if (original.kind != "sale") throw ValidationError(tr("Sale"), tr("a refund is not refunded again"));
    if (original.salon_id != actor.member().salon_id)
        throw RefusedError(tr("A sale is refunded in the salon where it was made."));
    std::vector<const SaleRecord::Line*> chosen;
    for (const auto& l : original.lines)
        if (line_ids.empty() || std::find(line_ids.begin(), line_ids.end(), l.id) != line_ids.end()) chosen.push_back(&l);
    if (chosen.empty() || (!line_ids.empty() && chosen.size() != line_ids.size()))
        throw InputError("lines", tr("Lines"), tr("choose lines of this sale to refund"));
    Money total;
    std::vector<PricedLine> back;
    for (const auto* l : chosen) {
        if (!refundable_at_desk(l->kind))
            throw InputError("lines", tr("Lines"),
                             trf("line {1} ({2}) is not refunded at the desk: the operator handles it",
                                 {std::to_string(l->line_no), l->description}));
        long long already = 0;
        const long long lid = l->id;
        db.run("SELECT COUNT(*) FROM sale_line WHERE refund_of_line = :l", soci::use(lid),
               soci::into(already));
        if (already)
            throw InputError("lines", tr("Lines"), trf("line {1} is already refunded", {std::to_string(l->line_no)}));
        PricedLine p;
        p.kind = l->kind;
        p.description = l->description;
        p.msisdn = l->msisdn;
        p.quantity = l->quantity;
        p.unit_price = l->unit_price;
        p.amount = l->amount;
        p.vat_code = l->vat_code;
        p.vat_basis_points = l->vat_basis_points;
        p.vat_amount = l->vat_amount;
        p.is_bundle = l->is_bundle;
        long long card = 0, product = 0, version = 0, tariff_version = 0;
        soci::indicator ci = soci::i_null, pi = soci::i_null, vi = soci::i_null, ti = soci::i_null;
        db.run(
            "SELECT sim_card_id, product_id, product_version_id, tariff_version_id FROM sale_line WHERE id = "
            ":l",
            soci::use(lid), soci::into(card, ci), soci::into(product, pi), soci::into(version, vi),
            soci::into(tariff_version, ti));
        p.sim_card_id = ci == soci::i_ok ? card : 0;
        p.product_id = pi == soci::i_ok ? product : 0;
        p.product_version_id = vi == soci::i_ok ? version : 0;
        p.tariff_version_id = ti == soci::i_ok ? tariff_version : 0;
        total += p.amount;
        back.push_back(p);
    }
    // Card first, up to what the card paid; the rest in cash.
    const Money card_back = std::min(total, original.paid_card);
    const Money cash_back = total - card_back;
    const long long shift_id = shift->id;
    const int receipt = next_receipt(db, shift_id);
    const long long dealer = original.dealer_id, salon = original.salon_id, staff = actor.staff_id(),
                    of = original.id, now = db.now(), t = total.kopecks(), cash = cash_back.kopecks(),
                    card = card_back.kopecks(), appr = approver;
    long long client = original.client_id;
    soci::indicator client_ind = client ? soci::i_ok : soci::i_null;
    soci::indicator appr_ind = appr ? soci::i_ok : soci::i_null;
    const long long refund_id = db.insert(
        "INSERT INTO sale (dealer_id, salon_id, shift_id, staff_id, client_id, kind, refund_of, "
        "receipt_number, "
        "created_at, total, paid_cash, paid_card, change_due, approved_by) VALUES (:d, :s, :sh, :st, :c, "
        "'refund', :of, :r, :at, :t, :pc, :pd, 0, :a)",
        soci::use(dealer), soci::use(salon), soci::use(shift_id), soci::use(staff),
        soci::use(client, client_ind), soci::use(of), soci::use(receipt), soci::use(now), soci::use(t),
        soci::use(cash), soci::use(card), soci::use(appr, appr_ind));
    for (std::size_t i = 0; i < back.size(); ++i) {
        const long long refund_line = insert_line(db, refund_id, static_cast<int>(i + 1), back[i], chosen[i]->id);
        if (back[i].kind == LineKind::gadget) refund_gadget_line(db, chosen[i]->id, refund_line, staff, refund_id);
        if (back[i].kind == LineKind::sim || back[i].kind == LineKind::sim_replacement) {
            // The card comes back as returned, not as new; the number leaves service with it.
            set_sim_status(db, back[i].sim_card_id, "returned", staff, "refund " + std::to_string(refund_id), "");
            const long long card_id = back[i].sim_card_id;
            db.run("UPDATE subscription SET ended_at = :at WHERE sim_card_id = :c AND ended_at IS NULL",
                   soci::use(now), soci::use(card_id));
        }
    }
    actor.record(db, "sale.refund", "sale:" + std::to_string(refund_id),
                 "of=sale:" + std::to_string(sale_id) + " lines=" + std::to_string(back.size()) + " total=" +
                     total.plain() + approval_detail(approver) + (why.empty() ? "" : " reason=" + why));
    tx.commit();
    return CommittedSale{refund_id, receipt, shift->number, total, Money()};
}

bool needs_fiscal_receipt(Money total) { return total != Money(); }

bool refundable_at_desk(LineKind kind) {
    return kind != LineKind::top_up && kind != LineKind::tariff_change && kind != LineKind::port_in &&
           kind != LineKind::corporate_tariff;
}

std::vector<std::int64_t> refunded_line_ids(db::Database& db, const Actor& actor, std::int64_t sale_id) {
    const SaleRecord sale = get_sale(db, actor, sale_id);  // the actor sees it, or this refuses
    std::vector<std::int64_t> out;
    const long long id = sale.id;
    long long line = 0;
    db::Statement st = db.query(
        "SELECT DISTINCT l.refund_of_line FROM sale_line l JOIN sale_line o ON "
        "o.id = l.refund_of_line WHERE o.sale_id = :s ORDER BY l.refund_of_line",
        soci::use(id), soci::into(line));
    st.execute();
    while (st.fetch()) out.push_back(line);
    return out;
}

// ---- the operator's systems

int deliver_gateway_requests(db::Database& db, int limit) {
    std::vector<std::pair<long long, std::pair<std::string, std::string>>> pending;
    {
        long long id = 0;
        std::string kind, payload;
        db::Statement st = db.query(
            "SELECT id, kind, payload FROM gateway_request WHERE status = "
            "'pending' ORDER BY id",
            soci::into(id), soci::into(kind), soci::into(payload));
        st.execute();
        while (st.fetch() && static_cast<int>(pending.size()) < limit) pending.push_back({id, {kind, payload}});
    }
    int sent = 0;
    for (const auto& [id, request] : pending) {
        db::WriteTransaction tx(db);
        const auto payload = nlohmann::json::parse(request.second, nullptr, false);
        std::string reply = "sandbox: accepted";
        if (request.first == "top_up" && payload.is_object()) {
            const std::string msisdn = payload.value("msisdn", std::string());
            const long long amount = payload.value("amount", 0LL);
            long long count = 0;
            db.run("SELECT COUNT(*) FROM sandbox_balance WHERE msisdn = :m", soci::use(msisdn),
                   soci::into(count));
            if (count)
                db.run("UPDATE sandbox_balance SET balance = balance + :a WHERE msisdn = :m",
                       soci::use(amount), soci::use(msisdn));
            else
                db.run("INSERT INTO sandbox_balance (msisdn, balance) VALUES (:m, :a)", soci::use(msisdn),
                       soci::use(amount));
            reply = "sandbox: credited";
        }
        const long long now = db.now();
        const long long rid = id;
        db.run("UPDATE gateway_request SET status = 'done', sent_at = :at, reply = :r WHERE id = :id",
               soci::use(now), soci::use(reply), soci::use(rid));
        tx.commit();
        ++sent;
    }
    return sent;
}

Money sandbox_balance(db::Database& db, const std::string& msisdn) {
    long long balance = 0;
    soci::indicator ind = soci::i_null;
    db.run("SELECT balance FROM sandbox_balance WHERE msisdn = :m", soci::use(msisdn),
           soci::into(balance, ind));
    return Money::from_kopecks(ind == soci::i_ok ? balance : 0);
}

}  // namespace salon::pos
