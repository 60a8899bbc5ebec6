// The station's settings kept as rows of table `setting`, so head office changes them without a new
// program version: the SIM limit per person, the bundle-share threshold.
#pragma once

#include "db/Setting.hpp"

#include <string>

namespace salon::pos {

class Actor;

constexpr const char* kSimLimitPerPerson = "sim_limit_per_person";
constexpr const char* kBundleShareThresholdPercent = "bundle_share_threshold_percent";

// The setting's value as a number; `fallback` when it is absent or not a number.
long long setting_number(db::Database& db, const std::string& name, long long fallback);
// The setting's text; empty when it is absent.
std::string setting_text(db::Database& db, const std::string& name);
// Writes the row, inside the caller's WriteTransaction (which also writes the change's audit entry): the
// one upsert db's own marks use too.
using db::put_setting;
// Head office (administer_database) sets it; one transaction with its audit entry ("setting.save").
void save_setting_number(db::Database& db, const Actor& actor, const std::string& name, long long value);

}  // namespace salon::pos
