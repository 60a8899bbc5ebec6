// The operations on dealer rewards (R-POS-2, R-POS-4): computing a period, reviewing and locking it,
// statements with their drill-down to the sales lines, disputes, the operator's deactivation file, and
// what-if. Each change is one transaction with its audit entry; permissions are checked here
// (view_dealer_reports: a dealer's manager sees his dealer only; edit_reward_schemes: head office).
#pragma once

#include "db/Text.hpp"
#include "reports/core/RewardCalculation.hpp"
#include "reports/core/RewardPeriod.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon::db {
class Database;
}
namespace salon::pos {
class Actor;
}

namespace salon::reports {

struct PeriodRecord {
    std::int64_t id = 0;
    std::string code, kind, starts_on, ends_on;
    std::string status;  // computed, reviewed, locked; "open" when never computed
    std::int64_t scheme_id = 0;
    std::int64_t computed_at = 0;
};

// The period's record; status "open" (id 0) when it was never computed.
PeriodRecord period_record(db::Database& db, const std::string& code);
std::vector<PeriodRecord> list_periods(db::Database& db, const pos::Actor& actor);

// Computes every dealer's reward for the period with the scheme in force on its first day, books the
// corrections of earlier locked periods of the same kind as adjustments (R-POS-2: a locked period is never
// edited), and stores the results (status computed). Needs edit_reward_schemes; refused for a locked
// period. One transaction, journaled "reward_period.compute".
std::vector<DealerReward> compute_period(db::Database& db, const pos::Actor& actor, const std::string& code);
// computed -> reviewed -> locked; journaled. Locking needs the period computed (or reviewed).
void review_period(db::Database& db, const pos::Actor& actor, const std::string& code);
void lock_period(db::Database& db, const pos::Actor& actor, const std::string& code);

struct Dispute {
    std::int64_t id = 0;
    std::string period;
    std::int64_t dealer_id = 0;
    std::string line_key, comment, status, resolution;
    std::string raised_by, resolved_by;
    std::int64_t raised_at = 0, resolved_at = 0;
};

struct DealerStatement {
    PeriodRecord period;
    std::int64_t dealer_id = 0;
    std::string dealer_name, dealer_inn;
    std::int64_t scheme_id = 0;
    std::string scheme_name;
    bool accruing = false;  // the period is not computed yet: the reward as it stands now
    DealerReward reward;
    std::vector<Dispute> disputes;
};

// The dealer's statement: as stored once computed (as paid once locked), else computed now. The actor needs
// view_dealer_reports and to see the dealer. `dealer_inn` or `dealer_id` names the dealer.
DealerStatement dealer_statement(db::Database& db, const pos::Actor& actor, const std::string& code,
                                 std::int64_t dealer_id);
std::int64_t dealer_by_inn(db::Database& db, const std::string& inn);  // InputError("dealer")

// A sales line behind a statement line (the drill-down).
struct SourceLine {
    std::int64_t sale_id = 0, line_id = 0;
    std::int64_t at = 0;
    std::string kind;  // sale or refund
    std::string salon, staff, description, tariff_or_product;
    std::int64_t quantity = 0;  // negative for a refund
    std::int64_t reward = 0;    // kopecks this line earned by the rule's unit rate (0 where the rule has none)
};
// The sales lines that make up statement line `key` (sim:..., volume_tier:..., upsell:..., bundle,
// clawback:...); at most `limit`. Refused (InputError "line") for a key the statement does not have.
std::vector<SourceLine> statement_sources(db::Database& db, const pos::Actor& actor, const std::string& code,
                                          std::int64_t dealer_id, const std::string& key, int limit = 1000);

// Per salon or per specialist of a dealer: their part of the unit rules (SIMs, services, bundle bonus at
// the scheme's rates), their bundle and good-rating shares (R-POS-4). Tiers, coefficients and the cap are
// the dealer's and are not split.
struct UnitShare {
    std::int64_t id = 0;
    std::string name;
    std::int64_t sims = 0, services = 0, bundle_sales = 0, tariff_sales = 0, good_ratings = 0, ratings = 0;
    std::int64_t unit_reward = 0;
};
std::vector<UnitShare> statement_by(db::Database& db, const pos::Actor& actor, const std::string& code,
                                    std::int64_t dealer_id, bool by_specialist);

// A dealer's manager disputes a statement line with a comment; head office resolves it (accepted or
// rejected, with its answer). Both journaled. Refused: a line the statement does not have, an empty comment.
std::int64_t raise_dispute(db::Database& db, const pos::Actor& actor, const std::string& code,
                           std::int64_t dealer_id, const std::string& line_key, const std::string& comment);
void resolve_dispute(db::Database& db, const pos::Actor& actor, std::int64_t dispute_id, bool accepted,
                     const std::string& answer);
std::vector<Dispute> list_disputes(db::Database& db, const pos::Actor& actor, const std::string& code = {});

// The operator's reconciliation file (CSV, XLSX or ODS through SpreadsheetReader): a number and its
// deactivation date per row, optionally the date it was reported (else today, Moscow). Every row is checked
// before anything is saved: an unknown number, a bad date or a date before the sale refuses the whole file
// naming the row. A number already recorded is skipped. Needs edit_reward_schemes; one transaction.
struct DeactivationImport {
    int rows = 0, recorded = 0, already_known = 0;
};
DeactivationImport import_deactivations(db::Database& db, const pos::Actor& actor, const std::string& path);

// Every dealer's reward for the period under its scheme and under `changed`, nothing saved.
struct WhatIfRow {
    std::int64_t dealer_id = 0;
    std::string dealer_name;
    std::int64_t before = 0, after = 0;
};
std::vector<WhatIfRow> what_if(db::Database& db, const pos::Actor& actor, const std::string& code,
                               const RewardScheme& changed);
// Sets one parameter of a scheme by name ("bundle_bonus=12000", "sim:smart=18000", "cap=none", ...);
// InputError("set") for an unknown name or a bad value.
void set_parameter(RewardScheme& scheme, const std::string& assignment);

// A statement line in words, for the screen and the exports.
Text describe(const StatementLine& line);

// A period's status (open, computed, reviewed, locked) and a dispute's (open, accepted, rejected) in words,
// for the screen, the exports and the CLI's human output; JSON keeps the stored codes. An unknown code is
// shown as it is.
Text period_status_title(const std::string& status);
Text dispute_status_title(const std::string& status);

nlohmann::json to_json(const DealerReward& reward);
DealerReward reward_from_json(const nlohmann::json& json);

}  // namespace salon::reports
