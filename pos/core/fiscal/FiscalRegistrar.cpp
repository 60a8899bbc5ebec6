#include "pos/core/fiscal/FiscalRegistrar.hpp"

#include "pos/core/common/FormInput.hpp"

namespace salon::pos {

namespace {

constexpr std::pair<FiscalFault, const char*> kFaults[] = {
    {FiscalFault::none, "none"},
    {FiscalFault::paper_out, "paper_out"},
    {FiscalFault::cover_open, "cover_open"},
    {FiscalFault::drive_full, "drive_full"},
    {FiscalFault::offline_too_long, "offline_too_long"},
    {FiscalFault::shift_expired, "shift_expired"},
    {FiscalFault::no_connection, "no_connection"},
};

}  // namespace

std::string to_string(FiscalFault fault) {
    for (const auto& [f, name] : kFaults)
        if (f == fault) return name;
    return "none";
}

FiscalFault fiscal_fault_from_string(const std::string& text) {
    for (const auto& [f, name] : kFaults)
        if (text == name) return f;
    throw InputError(
        "fault", tr("Fault"),
        trf("unknown fault \"{1}\": none, paper_out, cover_open, drive_full or offline_too_long", {text}));
}

Text fiscal_fault_title(FiscalFault fault) {
    switch (fault) {
    case FiscalFault::none: return tr("ready");
    case FiscalFault::paper_out: return tr("paper out");
    case FiscalFault::cover_open: return tr("cover open");
    case FiscalFault::drive_full: return tr("fiscal drive full");
    case FiscalFault::offline_too_long: return tr("30 days without the OFD: the drive is blocked");
    case FiscalFault::shift_expired: return tr("the fiscal shift is over 24 hours: close it");
    case FiscalFault::no_connection: return tr("no connection to the registrar");
    }
    return tr("ready");
}

RegistrarFault::RegistrarFault(FiscalFault fault)
    : RefusedError(
          trf("The fiscal registrar did not take the document: {1}.", {fiscal_fault_title(fault).str()})),
      fault_(fault) {}

}  // namespace salon::pos
