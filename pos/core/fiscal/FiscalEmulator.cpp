#include "pos/core/fiscal/FiscalEmulator.hpp"

#include "db/Database.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/sale/ReceiptDocument.hpp"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <stdexcept>

namespace salon::pos {

struct FiscalEmulator::Drive {
    std::string serial, fn, key, fault;
    long long capacity = 0, documents = 0, opened_at = 0, unsent_since = 0;
    int shift_number = 0, shift_open = 0, receipts_in_shift = 0, ofd_online = 1;
};

namespace {

std::string to_hex(const unsigned char* bytes, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0xF];
    }
    return out;
}

std::vector<unsigned char> from_hex(const std::string& hex) {
    std::vector<unsigned char> out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<unsigned char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    return out;
}

std::string operation_name(FiscalOperation op) { return op == FiscalOperation::refund ? "refund" : "sale"; }

std::string padded(long long value, int width) {
    std::string text = std::to_string(value);
    return text.size() >= static_cast<std::size_t>(width) ? text
                                                          : std::string(width - text.size(), '0') + text;
}

}  // namespace

std::string fiscal_qr_payload(std::int64_t at, const std::string& time_zone, std::int64_t total,
                              const std::string& fn, std::int64_t fd, const std::string& fp,
                              FiscalOperation op) {
    ReceiptDocument doc;
    doc.created_at = at;
    doc.time_zone = time_zone;
    doc.total = total;
    doc.kind = op == FiscalOperation::refund ? "refund" : "sale";
    // The pre-fiscal payload's time and sum, with the drive's attributes before the kind, in the order the
    // Federal Tax Service's format gives.
    const std::string base = receipt_qr_payload(doc);
    const auto kind_at = base.rfind("&n=");
    return base.substr(0, kind_at) + "&fn=" + fn + "&i=" + std::to_string(fd) + "&fp=" + fp +
           base.substr(kind_at);
}

std::string FiscalEmulator::fiscal_sign(const std::string& key_hex, const std::string& data) {
    const auto key = from_hex(key_hex);
    if (key.size() != crypto_auth_hmacsha256_KEYBYTES)
        throw std::runtime_error("fiscal emulator: bad drive key");
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(data.data()), data.size(), key.data());
    const unsigned long long sign =
        (static_cast<unsigned long long>(mac[0]) << 24) | (mac[1] << 16) | (mac[2] << 8) | mac[3];
    return std::to_string(sign);
}

FiscalEmulator::FiscalEmulator(db::Database& db, std::int64_t registrar_id, std::string time_zone)
    : db_(db), id_(registrar_id), time_zone_(std::move(time_zone)) {}

std::int64_t FiscalEmulator::install(db::Database& db, std::int64_t salon_id, const std::string& till) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
    randombytes_buf(key, sizeof key);
    const std::string key_hex = to_hex(key, sizeof key);
    const long long salon = salon_id, now = db.now(), capacity = kEmulatedDriveCapacity;
    const std::string placeholder = "-";
    const long long id = db.insert(
        "INSERT INTO fiscal_registrar (salon_id, till, kind, serial_number, fn_number, fn_key, fn_capacity, "
        "created_at) VALUES (:s, :t, 'emulator', :sn, :fn, :k, :c, :at)",
        soci::use(salon), soci::use(till), soci::use(placeholder), soci::use(placeholder), soci::use(key_hex),
        soci::use(capacity), soci::use(now));
    // Numbers no real device has: an emulated drive's number starts 9999 (the drive numbers the tax service
    // gives out start 87..., 92..., 73...), and the serial number says EMU.
    const std::string fn = "99990000" + padded(id, 8), serial = "EMU-" + padded(id, 6);
    db.run("UPDATE fiscal_registrar SET serial_number = :sn, fn_number = :fn WHERE id = :id",
           soci::use(serial), soci::use(fn), soci::use(id));
    return id;
}

FiscalEmulator::Drive FiscalEmulator::lock_drive() {
    Drive d;
    soci::indicator opened_ind = soci::i_null, unsent_ind = soci::i_null;
    const long long id = id_;
    // Locked for the operation on PostgreSQL (SQLite's write transaction already holds the only lock).
    const std::string lock =
        db_.backend() == db::Backend::postgresql && db_.write_transaction() ? " FOR UPDATE" : "";
    const bool found = db_.run(
        "SELECT serial_number, fn_number, fn_key, fault, fn_capacity, documents, shift_opened_at, "
        "unsent_since, "
        "shift_number, shift_open, receipts_in_shift, ofd_online FROM fiscal_registrar WHERE id = :id" +
            lock,
        soci::use(id), soci::into(d.serial), soci::into(d.fn), soci::into(d.key), soci::into(d.fault),
        soci::into(d.capacity), soci::into(d.documents), soci::into(d.opened_at, opened_ind),
        soci::into(d.unsent_since, unsent_ind), soci::into(d.shift_number), soci::into(d.shift_open),
        soci::into(d.receipts_in_shift), soci::into(d.ofd_online));
    if (!found) throw std::runtime_error("fiscal emulator: no registrar " + std::to_string(id_));
    if (opened_ind != soci::i_ok) d.opened_at = 0;
    if (unsent_ind != soci::i_ok) d.unsent_since = 0;
    return d;
}

void FiscalEmulator::check_can_register(const Drive& d, std::int64_t now) {
    if (!d.fault.empty()) throw RegistrarFault(fiscal_fault_from_string(d.fault));
    if (d.documents >= d.capacity) throw RegistrarFault(FiscalFault::drive_full);
    if (d.unsent_since != 0 && now - d.unsent_since > kOfflineLimitSeconds)
        throw RegistrarFault(FiscalFault::offline_too_long);
}

FiscalDocument FiscalEmulator::make_document(Drive& d, const std::string& kind, const std::string& request_id,
                                             const std::string& operation, std::int64_t total,
                                             const std::string& content) {
    const long long now = db_.now();
    FiscalDocument doc;
    doc.fn_number = d.fn;
    doc.fd_number = ++d.documents;
    doc.shift_number = d.shift_number;
    doc.registered_at = now;
    const bool receipt = kind == "receipt" || kind == "correction";
    if (receipt) doc.number_in_shift = ++d.receipts_in_shift;
    doc.fiscal_sign =
        fiscal_sign(d.key, d.fn + "|" + std::to_string(doc.fd_number) + "|" + std::to_string(now) + "|" +
                               kind + "|" + operation + "|" + std::to_string(total));
    if (receipt)
        doc.qr_payload =
            fiscal_qr_payload(now, time_zone_, total, d.fn, doc.fd_number, doc.fiscal_sign,
                              operation == "refund" ? FiscalOperation::refund : FiscalOperation::sale);
    if (!d.ofd_online && d.unsent_since == 0) d.unsent_since = now;
    const long long id = id_, fd = doc.fd_number, tot = total;
    const int shift = doc.shift_number, in_shift = doc.number_in_shift;
    soci::indicator request_ind = request_id.empty() ? soci::i_null : soci::i_ok;
    db_.run(
        "INSERT INTO fiscal_document (registrar_id, number, kind, request_id, shift_number, number_in_shift, "
        "operation, total, fiscal_sign, qr_payload, registered_at, content) VALUES (:r, :n, :k, :q, :sh, "
        ":ns, "
        ":op, :t, :fp, :qr, :at, :c)",
        soci::use(id), soci::use(fd), soci::use(kind), soci::use(request_id, request_ind), soci::use(shift),
        soci::use(in_shift), soci::use(operation), soci::use(tot), soci::use(doc.fiscal_sign),
        soci::use(doc.qr_payload), soci::use(now), soci::use(content));
    soci::indicator unsent_ind = d.unsent_since ? soci::i_ok : soci::i_null;
    db_.run(
        "UPDATE fiscal_registrar SET documents = :d, shift_number = :sn, shift_open = :so, shift_opened_at = "
        ":oa, receipts_in_shift = :rs, unsent_since = :u WHERE id = :id",
        soci::use(d.documents), soci::use(d.shift_number), soci::use(d.shift_open), soci::use(d.opened_at),
        soci::use(d.receipts_in_shift), soci::use(d.unsent_since, unsent_ind), soci::use(id));
    return doc;
}

RegistrarInfo FiscalEmulator::info() {
    RegistrarInfo i;
    const long long id = id_;
    db_.run("SELECT serial_number FROM fiscal_registrar WHERE id = :id", soci::use(id),
            soci::into(i.serial_number));
    i.kind = "emulator";
    i.model = tr("Fiscal registrar emulator").str();
    i.emulated = true;
    return i;
}

FiscalDriveState FiscalEmulator::drive_state() {
    const Drive d = lock_drive();
    const long long now = db_.now();
    FiscalDriveState s;
    s.fn_number = d.fn;
    s.documents = d.documents;
    s.capacity = d.capacity;
    s.oldest_unsent_at = d.unsent_since;
    s.ofd_online = d.ofd_online != 0;
    try {
        check_can_register(d, now);
        if (d.shift_open && now - d.opened_at > kFiscalShiftSeconds) s.fault = FiscalFault::shift_expired;
    } catch (const RegistrarFault& f) {
        s.fault = f.fault();
    }
    return s;
}

RegistrarShift FiscalEmulator::shift() {
    RegistrarShift s;
    long long opened = 0;
    int open = 0;
    soci::indicator ind = soci::i_null;
    const long long id = id_;
    db_.run(
        "SELECT shift_open, shift_number, shift_opened_at, receipts_in_shift FROM fiscal_registrar WHERE id "
        "= :id",
        soci::use(id), soci::into(open), soci::into(s.number), soci::into(opened, ind),
        soci::into(s.receipts));
    s.open = open != 0;
    s.opened_at = ind == soci::i_ok ? opened : 0;
    return s;
}

FiscalDocument FiscalEmulator::open_shift(const std::string& cashier) {
    db::WriteTransaction tx(db_);
    Drive d = lock_drive();
    if (d.shift_open) throw RefusedError(tr("The fiscal shift is already open."));
    check_can_register(d, db_.now());
    d.shift_open = 1;
    ++d.shift_number;
    d.receipts_in_shift = 0;
    d.opened_at = db_.now();
    const FiscalDocument doc =
        make_document(d, "shift_open", "", "", 0, nlohmann::json{{"cashier", cashier}}.dump());
    tx.commit();
    return doc;
}

FiscalReport FiscalEmulator::report(bool z) {
    FiscalReport r;
    const long long id = id_;
    long long shift = 0;
    int open = 0;
    soci::indicator unsent_ind = soci::i_null;
    db_.run("SELECT shift_number, shift_open, unsent_since FROM fiscal_registrar WHERE id = :id",
            soci::use(id), soci::into(shift), soci::into(open), soci::into(r.oldest_unsent_at, unsent_ind));
    if (unsent_ind != soci::i_ok) r.oldest_unsent_at = 0;
    r.z = z;
    r.shift_number = static_cast<int>(shift);
    long long receipts = 0, sales = 0, refunds = 0;
    db_.run(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN operation = 'sale' THEN total ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN operation = 'refund' THEN total ELSE 0 END), 0) FROM fiscal_document "
        "WHERE registrar_id = :id AND shift_number = :s AND (kind = 'receipt' OR kind = 'correction')",
        soci::use(id), soci::use(shift), soci::into(receipts), soci::into(sales), soci::into(refunds));
    r.receipts = static_cast<int>(receipts);
    r.sales_total = sales;
    r.refunds_total = refunds;
    if (r.oldest_unsent_at)
        db_.run("SELECT COUNT(*) FROM fiscal_document WHERE registrar_id = :id AND registered_at >= :u",
                soci::use(id), soci::use(r.oldest_unsent_at), soci::into(r.unsent_documents));
    return r;
}

FiscalReport FiscalEmulator::close_shift(const std::string& cashier) {
    db::WriteTransaction tx(db_);
    Drive d = lock_drive();
    if (!d.shift_open) throw RefusedError(tr("The fiscal shift is not open."));
    // A Z report is printed: paper and cover matter; the drive still closes a shift when full or offline.
    if (d.fault == "paper_out" || d.fault == "cover_open")
        throw RegistrarFault(fiscal_fault_from_string(d.fault));
    FiscalReport r = report(true);
    d.shift_open = 0;
    r.document = make_document(d, "shift_close", "", "", 0, nlohmann::json{{"cashier", cashier}}.dump());
    tx.commit();
    return r;
}

FiscalReport FiscalEmulator::x_report() {
    const RegistrarShift s = shift();
    if (!s.open) throw RefusedError(tr("The fiscal shift is not open."));
    return report(false);
}

std::optional<FiscalDocument> FiscalEmulator::find_document(const std::string& request_id) {
    FiscalDocument doc;
    long long fd = 0, at = 0;
    const long long id = id_;
    const bool found = db_.run(
        "SELECT r.fn_number, d.number, d.fiscal_sign, d.shift_number, d.number_in_shift, d.registered_at, "
        "d.qr_payload FROM fiscal_document d JOIN fiscal_registrar r ON r.id = d.registrar_id "
        "WHERE d.request_id = :q AND d.registrar_id = :id",
        soci::use(request_id), soci::use(id), soci::into(doc.fn_number), soci::into(fd),
        soci::into(doc.fiscal_sign), soci::into(doc.shift_number), soci::into(doc.number_in_shift),
        soci::into(at), soci::into(doc.qr_payload));
    if (!found) return std::nullopt;
    doc.fd_number = fd;
    doc.registered_at = at;
    return doc;
}

FiscalDocument FiscalEmulator::register_receipt(const FiscalReceipt& receipt) {
    if (receipt.request_id.empty()) throw std::invalid_argument("fiscal receipt without a request id");
    db::WriteTransaction tx(db_);
    Drive d = lock_drive();
    // The same request again (the station crashed before it recorded the answer): the same document.
    if (auto known = find_document(receipt.request_id)) {
        tx.commit();
        return *known;
    }
    const long long now = db_.now();
    check_can_register(d, now);
    if (d.shift_open && now - d.opened_at > kFiscalShiftSeconds)
        throw RegistrarFault(FiscalFault::shift_expired);
    if (!d.shift_open) {
        // As a real registrar set to open the shift with the first receipt.
        d.shift_open = 1;
        ++d.shift_number;
        d.receipts_in_shift = 0;
        d.opened_at = now;
        make_document(d, "shift_open", "", "", 0, nlohmann::json{{"cashier", receipt.cashier}}.dump());
    }
    nlohmann::json content = {{"operation", operation_name(receipt.operation)},
                              {"total", receipt.total},
                              {"cash", receipt.cash},
                              {"card", receipt.card},
                              {"cashier", receipt.cashier},
                              {"lines", nlohmann::json::array()}};
    for (const auto& l : receipt.lines) {
        nlohmann::json line = {{"name", l.name},
                               {"quantity", l.quantity},
                               {"price", l.unit_price},
                               {"amount", l.amount},
                               {"vat", l.vat_code},
                               {"vat_bp", l.vat_basis_points},
                               {"vat_amount", l.vat_amount}};
        if (l.payment_agent) {
            line["agent"] = "payment_agent";  // tag 1222 (1057 on the receipt): платёжный агент
            line["supplier_name"] = receipt.supplier_name;
            line["supplier_inn"] = receipt.supplier_inn;
            line["supplier_phone"] = receipt.supplier_phone;
        }
        content["lines"].push_back(line);
    }
    const FiscalDocument doc = make_document(
        d, "receipt", receipt.request_id, operation_name(receipt.operation), receipt.total, content.dump());
    tx.commit();
    return doc;
}

FiscalDocument FiscalEmulator::register_correction(const CorrectionReceipt& c) {
    if (c.request_id.empty()) throw std::invalid_argument("correction receipt without a request id");
    db::WriteTransaction tx(db_);
    Drive d = lock_drive();
    if (auto known = find_document(c.request_id)) {
        tx.commit();
        return *known;
    }
    check_can_register(d, db_.now());
    if (!d.shift_open) throw RefusedError(tr("The fiscal shift is not open."));
    const nlohmann::json content = {{"operation", operation_name(c.operation)},
                                    {"total", c.total},
                                    {"cash", c.cash},
                                    {"card", c.card},
                                    {"vat_bp", c.vat_basis_points},
                                    {"reason", c.reason},
                                    {"basis_date", c.basis_date},
                                    {"basis_number", c.basis_number},
                                    {"correction_type", c.by_order ? "order" : "self"},
                                    {"cashier", c.cashier}};
    const FiscalDocument doc =
        make_document(d, "correction", c.request_id, operation_name(c.operation), c.total, content.dump());
    tx.commit();
    return doc;
}

void FiscalEmulator::set_fault(FiscalFault fault) {
    if (fault == FiscalFault::shift_expired || fault == FiscalFault::no_connection)
        throw InputError("fault", tr("Fault"),
                         tr("the emulator sets paper_out, cover_open, drive_full or offline_too_long"));
    const std::string code = fault == FiscalFault::none ? "" : to_string(fault);
    const long long id = id_;
    db_.run("UPDATE fiscal_registrar SET fault = :f WHERE id = :id", soci::use(code), soci::use(id));
}

void FiscalEmulator::set_ofd_online(bool online) {
    const int on = online ? 1 : 0;
    const long long id = id_;
    // Back online: the OFD acknowledges everything that waited.
    db_.run(
        "UPDATE fiscal_registrar SET ofd_online = :o, unsent_since = CASE WHEN :o2 = 1 THEN NULL ELSE "
        "unsent_since END WHERE id = :id",
        soci::use(on), soci::use(on), soci::use(id));
}

}  // namespace salon::pos
