// The way a text reaches a phone (R-CORP-3: the corporate cabinet's one-time code; candidates' notices,
// R-TRN-3): the operator's SMS centre behind one interface. The project ships SandboxSmsSender, which
// delivers to a log file and says it is a sandbox; a real SMS centre plugs in behind the same interface.
// Texts are never sent directly: they wait in the outbox (SmsOutbox.hpp) until a sender took them.
#pragma once

#include <string>

namespace salon::pos {

class SmsSender {
public:
    virtual ~SmsSender() = default;
    // A short stable name kept with each message it delivered ("sandbox").
    virtual std::string name() const = 0;
    // True when nothing reaches a real phone: screens say so beside the message.
    virtual bool is_sandbox() const = 0;
    // Delivers one text to an E.164 number; throws std::exception with the reason when it could not (the
    // outbox keeps the message and tries again later).
    virtual void send(const std::string& msisdn, const std::string& body) = 0;
};

}  // namespace salon::pos
