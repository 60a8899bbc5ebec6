#include "pos/core/sale/SaleReceipt.hpp"

#include "pos/core/fiscal/FiscalQueue.hpp"
#include "pos/core/sale/Sale.hpp"
#include "pos/core/catalog/GadgetStock.hpp"

namespace salon::pos {

ReceiptDocument receipt_for_sale(const SaleRecord& sale) {
    ReceiptDocument doc;
    doc.dealer_name = sale.dealer_name;
    doc.dealer_inn = sale.dealer_inn;
    doc.salon_name = sale.salon_name;
    doc.salon_address = sale.salon_address;
    doc.till = sale.till;
    doc.shift_number = sale.shift_number;
    doc.receipt_number = sale.receipt_number;
    doc.kind = sale.kind;
    doc.created_at = sale.created_at;
    doc.time_zone = sale.time_zone;
    doc.cashier_name = sale.staff_name;
    for (const SaleRecord::Line& l : sale.lines) {
        ReceiptDocument::Line line;
        line.line_no = l.line_no;
        line.description = l.description;
        line.quantity = l.quantity;
        line.unit_price = l.unit_price.kopecks();
        line.amount = l.amount.kopecks();
        line.vat_code = l.vat_code;
        line.vat_basis_points = l.vat_basis_points;
        line.vat_amount = l.vat_amount.kopecks();
        line.agent = l.agent;
        line.msisdn = l.msisdn;
        line.imei = l.imei;
        line.warranty = warranty_text(l.warranty_months, l.warranty_until);
        doc.lines.push_back(line);
    }
    doc.total = sale.total.kopecks();
    // The sale row keeps the cash handed over (change included) and the change, as the receipt prints
    // them; a refund pays back without change.
    doc.paid_cash = sale.paid_cash.kopecks();
    doc.paid_card = sale.paid_card.kopecks();
    doc.change_due = sale.change_due.kopecks();
    doc.fiscal_state = sale.fiscal_state;
    // The payment agent's supplier (R-POS-10) as kept with the sale when it was paid, not as set today: a
    // reprint carries what the original receipt and the registrar carried.
    if (sale.supplier) {
        doc.supplier_name = sale.supplier->name;
        doc.supplier_inn = sale.supplier->inn;
        doc.supplier_phone = sale.supplier->phone;
    }
    // The pre-fiscal payload (time, total, kind) until the registrar's replaces it (receipt_for_sale below).
    doc.qr_payload = receipt_qr_payload(doc);
    return doc;
}

ReceiptDocument receipt_for_sale(db::Database& db, const Actor& actor, std::int64_t sale_id) {
    ReceiptDocument doc = receipt_for_sale(get_sale(db, actor, sale_id));
    // Once the registrar registered it: its attributes and its own QR payload (R-POS-10).
    if (doc.fiscal_state == "fiscalised")
        if (const auto a = fiscal_attributes(db, sale_id)) {
            doc.fiscal_fn = a->fn_number;
            doc.fiscal_fd = a->fd_number;
            doc.fiscal_sign = a->fiscal_sign;
            doc.fiscal_shift = a->shift_number;
            doc.fiscal_number_in_shift = a->number_in_shift;
            doc.fiscal_at = a->registered_at;
            doc.fiscal_emulated = a->emulated;
            if (!a->qr_payload.empty()) doc.qr_payload = a->qr_payload;
        }
    return doc;
}

}  // namespace salon::pos
