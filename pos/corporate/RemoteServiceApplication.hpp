// The application for the "Remote service" (Дистанционное обслуживание, R-CORP-2): the company's official
// name, the e-mail bound to the service (requests by mail are accepted only from it, R-CORP-4), the
// administrator's mobile number (one of the company's numbers), how authorisation is confirmed and the
// head's power of attorney. Its status moves draft → printed → signed → registered → active → revoked,
// one step per transaction, each journaled and kept in application_status_change with who and when.
#pragma once

#include "pos/corporate/PowerOfAttorney.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon {
class Text;
}

namespace salon::pos {

class Actor;

enum class ApplicationStatus { draft, printed, signed_by_client, registered, active, revoked };
std::string_view to_string(ApplicationStatus status);  // "draft", "printed", "signed", ...
// InputError("status") for an unknown status.
ApplicationStatus application_status_from_string(std::string_view text);
Text application_status_title(ApplicationStatus status);
// The step after `status`; none after revoked.
std::optional<ApplicationStatus> next_application_status(ApplicationStatus status);

// How the administrator's authorisation in the cabinet is confirmed.
enum class AuthorisationConfirmation { sms, email };
std::string_view to_string(AuthorisationConfirmation confirmation);
// "sms" or "email"; InputError("confirmation") otherwise.
AuthorisationConfirmation authorisation_confirmation_from_string(std::string_view text);
Text authorisation_confirmation_title(AuthorisationConfirmation confirmation);

// As typed at the desk. Either a power of attorney already on file (power_of_attorney_id) or a new one (poa).
struct ApplicationForm {
    std::int64_t client_id = 0;
    std::string official_name;  // empty: the company's name as registered
    std::string bound_email;
    std::string admin_msisdn;  // must be one of the company's numbers, in service
    std::string confirmation = "sms";
    std::int64_t power_of_attorney_id = 0;
    PowerOfAttorneyForm poa;
};

struct ApplicationStatusChange {
    std::string from_status;  // empty for the creation
    std::string to_status;
    std::int64_t at = 0;
    std::int64_t actor_id = 0;  // 0: salon-cli
    std::string actor_name;
};

struct RemoteServiceApplication {
    std::int64_t id = 0;
    std::int64_t client_id = 0;
    std::string official_name;
    std::string bound_email;
    std::string admin_msisdn;  // E.164
    AuthorisationConfirmation confirmation = AuthorisationConfirmation::sms;
    PowerOfAttorney power_of_attorney;
    ApplicationStatus status = ApplicationStatus::draft;
    std::int64_t replaces_id = 0;  // the application of the administrator replaced (R-CORP-7); 0: none
    std::int64_t salon_id = 0;
    std::string salon_name;
    std::int64_t created_at = 0;
    std::int64_t created_by = 0;
    std::int64_t fee = 0;  // kopecks; an administrator change is free (R-CORP-7)
    std::vector<ApplicationStatusChange> history;  // oldest first
};

// Checks the form (inputs: official_name, bound_email, admin_msisdn, confirmation, power_of_attorney and the
// poa_... inputs) against the company: an administrator's number that is not one of the company's numbers,
// or is blocked, is refused naming the field; an expired or future-dated power of attorney too. Files the
// application as a draft (needs the corporate desk). One transaction with its journal entries
// ("corporate.application.add", and "corporate.poa.add" for a new power of attorney). Returns its id.
std::int64_t file_application(db::Database& db, const Actor& actor, const ApplicationForm& form);

// Moves the application one step (R-CORP-2). Refuses (RefusedError, naming both statuses) any other step;
// activating needs the power of attorney still valid and no other active application of the company
// (an administrator change revokes the old one first). Activation binds the application's e-mail to the
// company (R-CORP-4) and makes its administrator the cabinet's (R-CORP-3). One transaction, journaled
// ("corporate.application.status"), the step kept in application_status_change. Revoking blocks the
// administrator of the cabinet it registered (R-CORP-7).
void advance_application(db::Database& db, const Actor& actor, std::int64_t id, ApplicationStatus to);
// Printing a draft moves it to printed; printing it again later changes nothing. Returns the application
// as printed (the PDF is drawn by pos/print/ApplicationPdf). Needs the corporate desk.
RemoteServiceApplication mark_application_printed(db::Database& db, const Actor& actor, std::int64_t id);

RemoteServiceApplication get_application(db::Database& db, const Actor& actor, std::int64_t id);
// The company's applications, newest first.
std::vector<RemoteServiceApplication> applications_of(db::Database& db, const Actor& actor, std::int64_t client_id);
// For the corporate core's own operations: no checks, nothing journaled. Throws ValidationError.
RemoteServiceApplication read_application(db::Database& db, std::int64_t id);
// The company's active application, if any.
std::optional<RemoteServiceApplication> active_application(db::Database& db, std::int64_t client_id);

// Inside the caller's transaction, no checks of the actor: one status step with its history row and entry.
void store_application_status(db::Database& db, const Actor& actor, const RemoteServiceApplication& app,
                              ApplicationStatus to);
// Inside the caller's transaction: validates the form as file_application does and inserts the draft;
// `replaces_id` names the application of a replaced administrator (R-CORP-7).
std::int64_t store_application(db::Database& db, const Actor& actor, const ApplicationForm& form,
                               const CalendarDate& today, std::int64_t replaces_id);

}  // namespace salon::pos
