#include "db/UserError.hpp"

namespace salon {
namespace {
std::string compose(const Text& field, const Text& reason, const std::locale* loc) {
    auto s = [&](const Text& t) { return loc ? t.str(*loc) : t.english(); };
    if (field.empty()) return s(reason);
    return s(field) + ": " + s(reason);
}
}  // namespace

UserError::UserError(Text message) : std::runtime_error(message.english()), reason_(std::move(message)) {}

UserError::UserError(Text field, Text reason)
    : std::runtime_error(compose(field, reason, nullptr)), field_(std::move(field)), reason_(std::move(reason)) {}

std::string UserError::message() const { return message(ui_locale()); }
std::string UserError::message(const std::locale& loc) const { return compose(field_, reason_, &loc); }

}  // namespace salon
