// The registrar emulator (R-POS-10): a fiscal drive kept in the database (table fiscal_registrar and its
// archive fiscal_document) that numbers documents, signs them with a keyed hash truncated to 10 digits as a
// real drive's fiscal sign (ФП) is, keeps the fiscal shift, the drive's capacity and the 30-day limit on
// documents the OFD has not acknowledged, and answers a request id it already registered with the same
// document. It is the default registrar and says "emulator" wherever it is shown: its documents are not
// fiscal documents and reach no tax office.
#pragma once

#include "pos/core/fiscal/FiscalRegistrar.hpp"

namespace salon::db {
class Database;
}

namespace salon::pos {

// Documents a new emulated drive holds before it is full.
constexpr std::int64_t kEmulatedDriveCapacity = 250'000;
// 54-FZ art. 4.1: a drive stops registering 30 days after the oldest document the OFD has not acknowledged.
constexpr std::int64_t kOfflineLimitSeconds = 30 * 24 * 3600;
// A fiscal shift is closed within 24 hours of its opening.
constexpr std::int64_t kFiscalShiftSeconds = 24 * 3600;

class FiscalEmulator : public FiscalRegistrar {
public:
    // The emulator of registrar row `registrar_id`; `time_zone` is the salon's (the QR payload's local time).
    FiscalEmulator(db::Database& db, std::int64_t registrar_id, std::string time_zone);

    // Creates the emulated drive of a till (a new drive number, key and serial number); returns its id.
    // Runs inside the caller's transaction when there is one.
    static std::int64_t install(db::Database& db, std::int64_t salon_id, const std::string& till);

    RegistrarInfo info() override;
    FiscalDriveState drive_state() override;
    RegistrarShift shift() override;
    FiscalDocument open_shift(const std::string& cashier) override;
    FiscalReport close_shift(const std::string& cashier) override;
    FiscalReport x_report() override;
    FiscalDocument register_receipt(const FiscalReceipt& receipt) override;
    FiscalDocument register_correction(const CorrectionReceipt& correction) override;
    std::optional<FiscalDocument> find_document(const std::string& request_id) override;

    // What a trainer or a test makes the emulated device meet: paper out, cover open, the drive full, the
    // offline limit passed; FiscalFault::none clears it.
    void set_fault(FiscalFault fault);
    // The OFD reachable or not: while it is not, documents wait for its acknowledgement (offline limit).
    void set_ofd_online(bool online);

    // The fiscal sign of a document: HMAC-SHA256 under the drive's key of the document's data, its first
    // four bytes as an unsigned number (at most 10 digits), as a drive's ФП is 4 bytes of its MAC.
    static std::string fiscal_sign(const std::string& key_hex, const std::string& data);

private:
    struct Drive;
    Drive lock_drive();
    FiscalDocument make_document(Drive& drive, const std::string& kind, const std::string& request_id,
                                 const std::string& operation, std::int64_t total,
                                 const std::string& content);
    void check_can_register(const Drive& drive, std::int64_t now);
    FiscalReport report(bool z);

    db::Database& db_;
    std::int64_t id_;
    std::string time_zone_;
};

// The QR payload of a fiscal receipt in the Federal Tax Service's check format:
// "t=20261205T1435&s=1850.00&fn=9999078900000001&i=12&fp=3522207165&n=1" (t: local time of registration).
std::string fiscal_qr_payload(std::int64_t at, const std::string& time_zone, std::int64_t total,
                              const std::string& fn, std::int64_t fd, const std::string& fp,
                              FiscalOperation op);

}  // namespace salon::pos
