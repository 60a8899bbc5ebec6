#include "pos/core/sale/ReceiptSample.hpp"

#include "pos/core/catalog/ProductCatalog.hpp"

#include "db/Text.hpp"

#include <stdexcept>

namespace salon::pos {

ReceiptDocument sample_receipt() {
    ReceiptDocument doc;
    // The demo data's dealer and Moscow salon (DemoData.cpp); fictional identifiers.
    doc.dealer_name = "ООО «Связь-Ритейл»";
    doc.dealer_inn = "7730543210";
    doc.salon_name = "Москва, м. Киевская";
    doc.salon_address = "Москва, площадь Киевского Вокзала, 2";
    doc.till = "desk-1";
    doc.shift_number = 12;
    doc.receipt_number = 37;
    doc.kind = "sale";
    doc.created_at = 1795606500;  // 2026-11-25 11:35 UTC = 14:35 in Moscow
    doc.time_zone = "Europe/Moscow";
    doc.cashier_name = "Иванов Артём Сергеевич";
    doc.supplier_name = "ПАО «Оператор связи»";
    doc.supplier_inn = "7700123459";

    auto add = [&doc](std::string description, int quantity, std::int64_t unit_price, bool vat, bool agent,
                      std::string msisdn) {
        ReceiptDocument::Line line;
        line.line_no = static_cast<int>(doc.lines.size()) + 1;
        line.description = std::move(description);
        line.quantity = quantity;
        line.unit_price = unit_price;
        line.amount = unit_price * quantity;
        line.vat_code = vat ? "standard" : "none";
        line.vat_basis_points = vat ? 2200 : 0;
        line.vat_amount = vat_included(line.amount, line.vat_basis_points);
        line.agent = agent;
        line.msisdn = std::move(msisdn);
        doc.lines.push_back(line);
        doc.total += line.amount;
    };
    add("SIM-карта, тариф «Бета» (пакет минут и интернета)", 1, 30000, true, false, "+79161234567");
    add("Чехол-книжка для смартфона", 2, 75000, true, false, "");
    add("Перенос контактов на новый смартфон", 1, 49000, true, false, "");
    add("Пополнение баланса", 1, 100000, false, true, "+79161234567");

    doc.paid_card = 200000;
    doc.paid_cash = 150000;
    doc.change_due = doc.paid_cash + doc.paid_card - doc.total;
    doc.fiscal_state = "awaiting";
    doc.audit_note = tr("SAMPLE: built by salon-cli to show the layout; not a sale and not a receipt.").str();
    return doc;
}

}  // namespace salon::pos
