// Who may sell (R-POS-3, R-TRN-11): a person sells only after passing the operator's training, and a
// trainee serves private clients only. The training centre writes the same record a person enters by hand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}

namespace salon::pos {

class Actor;
struct StaffMember;

enum class CertificationSource { manual, training };

struct Certification {
    std::int64_t id = 0;
    std::int64_t staff_id = 0;
    std::string certified_on;       // YYYY-MM-DD
    std::int64_t trainer_id = 0;    // 0: not recorded
    std::string trainer_name;
    CertificationSource source = CertificationSource::manual;
    std::int64_t recorded_by = 0;
    std::int64_t recorded_at = 0;   // Unix seconds, UTC
};

// Records that `staff_id` passed the training on `date` (YYYY-MM-DD, not in the future) with `trainer_id`
// (a trainer, or 0), entered by the actor (recorded_by; 0 for salon-cli). The operator approves and trains
// (R-POS-3): head office only, with run_training or administer_database; a dealer never certifies his own
// people (RefusedError). One transaction with its audit entry ("certification.record").
std::int64_t record_certification(db::Database& db, const Actor& actor, std::int64_t staff_id,
                                  const std::string& date, std::int64_t trainer_id,
                                  CertificationSource source = CertificationSource::manual);

// The same rules, inside the caller's open WriteTransaction: closing a training week certifies every
// candidate who passed in the one transaction that closes it ("Passing").
std::int64_t record_certification_within(db::Database& db, const Actor& actor, std::int64_t staff_id,
                                         const std::string& date, std::int64_t trainer_id,
                                         CertificationSource source);
// The certifications of someone the actor sees (ValidationError otherwise, as for nobody).
std::vector<Certification> certifications_of(db::Database& db, const Actor& actor, std::int64_t staff_id);
bool is_certified(db::Database& db, std::int64_t staff_id);

enum class ClientKind { private_client, corporate_client };

// Refuses (RefusedError, saying why) a person who may not serve this kind of client: not certified
// (R-POS-3), or a trainee at the corporate desk (R-TRN-11). Staff who do not work in a salon never sell.
void require_may_serve(db::Database& db, const StaffMember& member, ClientKind kind);
// The same rules for a record just read (Actor::confirm's), without reading it again.
void require_may_serve_now(db::Database& db, const StaffMember& fresh, ClientKind kind);
// The same, with the certification already read (the sale reads it in one statement with the permission).
void require_may_serve_now(const StaffMember& fresh, ClientKind kind, bool certified);

}  // namespace salon::pos
