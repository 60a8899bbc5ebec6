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

struct SampleOptions {
    std::int64_t sale_id = 0;
    std::string pdf;
    std::string paper = "80mm";
    bool text = false;
    int width = 42;
    bool print = false;   // show --print: on a printer through CUPS
    std::string printer;  // show --printer: that printer (default: CUPS's default)
};

void print_receipt(const CliContext& ctx, const ReceiptDocument& doc, const SampleOptions& options, bool sample) {
    const ReceiptPaper paper = parse_receipt_paper(options.paper);
    const bool text = options.text || options.pdf.empty();
    if (!options.pdf.empty()) write_receipt_pdf(doc, options.pdf, paper);
    if (ctx.json) {
        nlohmann::json out = {{"ok", true}, {"sample", sample}, {"qr_payload", receipt_qr_text(doc)}};
        if (!sample) {
            out["sale_id"] = options.sale_id;
            out["kind"] = doc.kind;
            out["receipt_number"] = doc.receipt_number;
            out["fiscal_state"] = doc.fiscal_state;
        }
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

}  // namespace

void add_receipt_commands(CLI::App& app, CliContext& ctx) {
    auto* receipt = app.add_subcommand("receipt", tr("The customer's receipt: text and PDF").str());
    receipt->require_subcommand(1);

    auto options = std::make_shared<SampleOptions>();
    auto* sample = receipt->add_subcommand(
        "sample",
        tr("Render a SAMPLE receipt built in code (no database, not a sale): a SIM with a bundle tariff, "
           "an accessory, a service and a top-up as payment agent, paid partly by card")
            .str());
    sample->add_option("--pdf", options->pdf, tr("Write the receipt as a PDF to this file").str());
    sample->add_option("--paper", options->paper, tr("Paper of the PDF: 80mm (receipt roll) or a4").str());
    sample->add_flag("--text", options->text,
                     tr("Print the receipt as text (the default without --pdf)").str());
    sample->add_option("--width", options->width, tr("Characters per line of the text (at least 24)").str())
        ->check(CLI::Range(24, 200));
    sample->callback([&ctx, options] { print_receipt(ctx, sample_receipt(), *options, true); });

    auto shown = std::make_shared<SampleOptions>();
    auto* show = receipt->add_subcommand(
        "show", tr("The receipt of a committed sale or refund (as --as a person, else head office's view)").str());
    show->add_option("sale", shown->sale_id, tr("The sale's record number").str())->required();
    show->add_option("--pdf", shown->pdf, tr("Write the receipt as a PDF to this file").str());
    show->add_option("--paper", shown->paper, tr("Paper of the PDF: 80mm (receipt roll) or a4").str());
    show->add_flag("--text", shown->text, tr("Print the receipt as text (the default without --pdf)").str());
    show->add_option("--width", shown->width, tr("Characters per line of the text (at least 24)").str())
        ->check(CLI::Range(24, 200));
    show->add_flag("--print", shown->print, tr("Print the receipt (on --paper) on a printer through CUPS").str());
    show->add_option("--printer", shown->printer, tr("The printer's CUPS name (default: the system's default printer)").str());
    show->callback([&ctx, shown] {
        const ReceiptPaper paper = parse_receipt_paper(shown->paper);  // refused before the database is opened
        auto db = ctx.open();
        const Actor actor = ctx.viewer(*db);
        const ReceiptDocument doc = receipt_for_sale(*db, actor, shown->sale_id);
        // Printed first: a refusal (no print service, an unknown printer) exits 1 before anything is shown.
        if (shown->print) {
            const int job = print_pdf(receipt_pdf(doc, paper), shown->printer,
                                      trf("Receipt {1}", {std::to_string(doc.receipt_number)}).str());
            std::cerr << trf("Sent to the printer (job {1}).", {std::to_string(job)}).str() << '\n';
        }
        print_receipt(ctx, doc, *shown, false);
    });
}

}  // namespace salon::cli
