// The mail the corporate desk sends (the list of a company's numbers, R-CORP-13), written with GMime as
// .eml files into a maildir folder. It is a sandbox: nothing is sent from the station; the folder is what
// a mail relay picks up in a real deployment, and what a person or a test reads here.
#pragma once

#include <string>

namespace salon::pos::corporate {

struct OutgoingMail {
    std::string to;
    std::string subject;
    std::string body;  // UTF-8 text
};

struct WrittenMail {
    std::string message_id;
    std::string path;
};

class MailOutbox {
public:
    // SALON_MAIL_OUTBOX, else $XDG_DATA_HOME/salon-station/mail-outbox (~/.local/share/...).
    static std::string default_folder();
    // The station's sender address: SALON_MAIL_FROM, else corporate-desk@salon-station.invalid.
    static std::string sender();
    // Writes the mail into `folder`/new (through tmp/, so a reader never sees half a file), creating the
    // maildir when missing. Throws ValidationError naming the folder when it cannot be written.
    static WrittenMail write(const std::string& folder, const OutgoingMail& mail);
};

}  // namespace salon::pos::corporate
