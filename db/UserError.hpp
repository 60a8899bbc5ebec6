// Refusals meant for a person: a translatable message and, when it is about one input, the field.
#pragma once

#include "db/Text.hpp"

#include <stdexcept>

namespace salon {

// Base of every error a person is expected to read. `what()` is the English text, for logs.
class UserError : public std::runtime_error {
public:
    explicit UserError(Text message);
    UserError(Text field, Text reason);

    // "Field: reason" (or just the message) in the current language.
    std::string message() const;
    std::string message(const std::locale& loc) const;
    const Text& field() const { return field_; }
    const Text& reason() const { return reason_; }
    bool has_field() const { return !field_.empty(); }

private:
    Text field_;
    Text reason_;
};

// Bad input from a person or a file: the CLI exits 1, the GUI shows it beside the field.
class ValidationError : public UserError {
public:
    using UserError::UserError;
};

// A permission, a state or a rule refuses the operation.
class RefusedError : public UserError {
public:
    using UserError::UserError;
};

// The database cannot be opened, is damaged, unreachable or newer than the program.
class DatabaseError : public UserError {
public:
    using UserError::UserError;
};

// Another station or program held the write lock longer than this one waits: nothing was saved, and the
// same operation may simply be tried again.
class DatabaseBusyError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

// The disk (or the server's) has no room for the operation: it was rolled back, what was saved before stays.
class DiskFullError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

}  // namespace salon
