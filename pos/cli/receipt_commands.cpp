// salon-cli receipt show|sample: the customer's receipt (R-POS-10) as text and as an 80 mm or A4 PDF, of a
// committed sale or refund, or of a sample document built in code.
#include "db/Text.hpp"
#include "pos/cli/CliContext.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/sale/ReceiptSample.hpp"
#include "pos/core/sale/SaleReceipt.hpp"
#include "pos/print/CupsPrinter.hpp"
#include "pos/print/ReceiptPdf.hpp"

#include <iostream>
#include <memory>

namespace salon::cli {
using namespace salon::pos;

namespace {

// The receipt's number given on the command line, and how it is put out.
struct SampleOptions : ReceiptOutput {
    std::int64_t sale_id = 0;
};

}  // namespace

void add_receipt_output(CLI::App& command, ReceiptOutput& o, bool printable) {
    command.add_option("--pdf", o.pdf, tr("Write the receipt as a PDF to this file").str());
    command.add_option("--paper", o.paper, tr("Paper of the PDF: 80mm (receipt roll) or a4").str());
    command.add_flag("--text", o.text, tr("Print the receipt as text (the default without --pdf)").str());
    command.add_option("--width", o.width, tr("Characters per line of the text (at least 24)").str())
        ->check(CLI::Range(24, 200));
    if (!printable) return;
    command.add_flag("--print", o.print, tr("Print the receipt (on --paper) on a printer through CUPS").str());
    command.add_option("--printer", o.printer, tr("The printer's CUPS name (default: the system's default printer)").str());
}

void put_out_receipt(const CliContext& ctx, const ReceiptDocument& doc, const ReceiptOutput& options,
                     const nlohmann::json& identity, bool sample) {
    const ReceiptPaper paper = parse_receipt_paper(options.paper);
    const bool text = options.text || options.pdf.empty();
    // Printed first: a refusal (no print service, an unknown printer) exits 1 before anything is shown.
    if (options.print) {
        const int job = print_pdf(receipt_pdf(doc, paper), options.printer, receipt_number_text(doc));
        std::cerr << trf("Sent to the printer (job {1}).", {std::to_string(job)}).str() << '\n';
    }
    if (!options.pdf.empty()) write_receipt_pdf(doc, options.pdf, paper);
    if (ctx.json) {
        nlohmann::json out = {{"ok", true}, {"qr_payload", receipt_qr_text(doc)}};
        out.update(identity);
        if (!options.pdf.empty()) {
            out["pdf"] = options.pdf;
            out["paper"] = paper == ReceiptPaper::a4 ? "a4" : "80mm";
        }
        if (text) out["text"] = receipt_text(doc, options.width);
        return print_json(out);
    }
    if (text)
        for (const auto& line : receipt_text(doc, options.width)) std::cout << line << '\n';
    if (!options.pdf.empty())
        std::cerr << (sample ? trf("Sample receipt written to {1}", {options.pdf})
                             : trf("Receipt written to {1}", {options.pdf}))
                         .str()
                  << '\n';
}

void add_receipt_commands(CLI::App& app, CliContext& ctx) {
    auto* receipt = app.add_subcommand("receipt", tr("The customer's receipt: text and PDF").str());
    receipt->require_subcommand(1);

    auto options = std::make_shared<SampleOptions>();
    auto* sample = receipt->add_subcommand(
        "sample",
        tr("Render a SAMPLE receipt built in code (no database, not a sale): a SIM with a bundle tariff, "
           "an accessory, a service and a top-up as payment agent, paid partly by card")
            .str());
    add_receipt_output(*sample, *options, false);
    sample->callback([&ctx, options] { put_out_receipt(ctx, sample_receipt(), *options, {{"sample", true}}, true); });

    auto shown = std::make_shared<SampleOptions>();
    auto* show = receipt->add_subcommand(
        "show", tr("The receipt of a committed sale or refund (as --as a person, else head office's view)").str());
    show->add_option("sale", shown->sale_id, tr("The sale's record number").str())->required();
    add_receipt_output(*show, *shown, true);
    show->callback([&ctx, shown] {
        parse_receipt_paper(shown->paper);  // refused before the database is opened
        auto db = ctx.open();
        const Actor actor = ctx.viewer(*db);
        const ReceiptDocument doc = receipt_for_sale(*db, actor, shown->sale_id);
        put_out_receipt(ctx, doc, *shown,
                        {{"sample", false},
                         {"sale_id", shown->sale_id},
                         {"kind", doc.kind},
                         {"receipt_number", doc.receipt_number},
                         {"fiscal_state", doc.fiscal_state}},
                        false);
    });
}

}  // namespace salon::cli
