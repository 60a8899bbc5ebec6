// The SMS sender the project ships: no SMS centre, each text is appended to a log file (and stays in the
// database's outbox, marked as delivered by "sandbox"), like a payment provider's test mode.
#pragma once

#include "pos/core/sale/SmsSender.hpp"

#include <filesystem>

namespace salon::pos {

class SandboxSmsSender : public SmsSender {
public:
    // SALON_SMS_LOG, else sms-sandbox.log beside the audit key (see AuditKey::default_path).
    static std::filesystem::path default_log();
    explicit SandboxSmsSender(std::filesystem::path log = default_log());

    std::string name() const override { return "sandbox"; }
    bool is_sandbox() const override { return true; }
    // Appends "time<TAB>number<TAB>text" to the log; throws when the file cannot be written.
    void send(const std::string& msisdn, const std::string& body) override;

    const std::filesystem::path& log() const { return log_; }

private:
    std::filesystem::path log_;
};

}  // namespace salon::pos
