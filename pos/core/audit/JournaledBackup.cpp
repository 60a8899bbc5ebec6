#include "pos/core/audit/JournaledBackup.hpp"

#include "db/Database.hpp"
#include "db/Maintenance.hpp"
#include "db/UserError.hpp"
#include "pos/core/organisation/Actor.hpp"
#include "pos/core/audit/AuditHeads.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace salon::pos {
namespace fs = std::filesystem;

namespace {

std::string heads_file_of(const std::string& backup) { return backup + ".heads"; }

// What a backup's heads are about: its exact content.
std::string backup_subject(const std::string& file) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw ValidationError(tr("Backup file"), trf("{1} cannot be read: {2}", {file, std::strerror(errno)}));
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    unsigned char buffer[1 << 16];
    ssize_t n = 0;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) crypto_hash_sha256_update(&state, buffer, static_cast<std::size_t>(n));
    close(fd);
    if (n < 0) throw ValidationError(tr("Backup file"), trf("{1} cannot be read: {2}", {file, std::strerror(errno)}));
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    char hex[2 * sizeof digest + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string("backup sha256:") + hex;
}

}  // namespace

void backup_database(db::Database& db, const Actor& actor, const std::string& file) {
    // The heads first: entries written while the copy runs are in the backup beyond them, which is no cut.
    const std::vector<AuditHead> heads = chain_heads(db);
    db::backup(db, file);
    try {
        write_heads(actor.audit_key(), heads_file_of(file), {backup_subject(file), heads});
    } catch (...) {
        fs::remove(file);
        throw;
    }
}

RestoreOutcome restore_database(db::Database& db, const Actor& actor, const std::string& file, bool without_heads) {
    return restore_database(db, actor, file, without_heads, file);
}

RestoreOutcome restore_database(db::Database& db, const Actor& actor, const std::string& file, bool without_heads,
                                const std::string& shown_as) {
    const AuditKey& key = actor.audit_key();
    KnownHeads known;
    known.station_anchor = false;  // the backup is checked against its own heads, not this database's
    if (!without_heads) {
        const std::string heads_file = heads_file_of(file);
        std::error_code ec;
        if (!fs::exists(file, ec)) throw ValidationError(tr("Backup file"), trf("{1} does not exist", {file}));
        if (!fs::exists(heads_file, ec))
            throw ValidationError(tr("Backup file"),
                                  trf("{1} has no heads file {2}: without it a journal cut short cannot be told "
                                      "from a whole one. Copy it beside the backup, or restore with "
                                      "--without-heads.",
                                      {file, heads_file}));
        std::optional<HeadsFile> heads;
        try {
            heads = read_heads(key, heads_file);
        } catch (const RefusedError& e) {
            throw ValidationError(tr("Backup file"), e.reason());
        }
        if (heads->subject != backup_subject(file))
            throw ValidationError(tr("Backup file"),
                                  trf("{1} was changed after it was written: it is not the backup its heads file "
                                      "{2} was made for.",
                                      {file, heads_file}));
        known.given = heads->heads;
    }
    RestoreOutcome outcome;
    outcome.heads_checked = !without_heads;
    db::RestoreSteps steps;
    steps.accept = [&](db::Database& candidate) {
        const AuditCheck check = verify(candidate, key, known);
        if (check.problem) throw ValidationError(tr("Backup file"), describe(*check.problem));
        if (!check.tail.empty()) throw ValidationError(tr("Backup file"), describe(check.tail.front()));
        outcome.entries = check.entries;
        outcome.chains = check.chains;
    };
    steps.keep_aside = [&](db::Database& live, const std::string& where) {
        const std::string target = shown_as == file ? where : db::before_restore_file(live, shown_as);
        backup_database(live, actor, target);
        return target;
    };
    outcome.kept_aside = db::restore(db, file, steps);
    db.forget_statements();  // the schema under them was replaced
    reset_anchor(key, db, chain_heads(db));
    db::WriteTransaction tx(db);
    actor.record(db, "database.restore", "backup:" + fs::path(shown_as).filename().string(),
                 "kept_aside=" + (outcome.kept_aside.empty() ? std::string("none")
                                                             : fs::path(outcome.kept_aside).filename().string()));
    tx.commit();
    return outcome;
}

}  // namespace salon::pos
