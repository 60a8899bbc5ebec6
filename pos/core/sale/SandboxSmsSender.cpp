#include "pos/core/sale/SandboxSmsSender.hpp"

#include "pos/core/audit/AuditJournal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace salon::pos {

std::filesystem::path SandboxSmsSender::default_log() {
    if (const char* env = std::getenv("SALON_SMS_LOG"); env && *env) return env;
    return AuditKey::default_path().parent_path() / "sms-sandbox.log";
}

SandboxSmsSender::SandboxSmsSender(std::filesystem::path log) : log_(std::move(log)) {}

void SandboxSmsSender::send(const std::string& msisdn, const std::string& body) {
    std::error_code ec;
    if (log_.has_parent_path()) std::filesystem::create_directories(log_.parent_path(), ec);
    // The log holds one-time codes and numbers: readable by its owner only, like the keys beside it.
    if (!std::filesystem::exists(log_, ec)) {
        const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd >= 0) ::close(fd);
    }
    std::ofstream out(log_, std::ios::app);
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch()).count();
    std::string line = body;
    for (auto& ch : line)
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    out << now << '\t' << msisdn << '\t' << line << '\n';
    out.flush();
    if (!out) throw std::runtime_error("cannot write the SMS sandbox log " + log_.string());
}

}  // namespace salon::pos
