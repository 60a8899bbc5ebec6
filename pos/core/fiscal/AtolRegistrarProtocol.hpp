// A real registrar family behind FiscalRegistrar, DOCUMENTED ONLY: ATOL registrars through ATOL's driver
// (libfptr10, "Драйвер ККТ v.10") and its JSON tasks (processJson). No driver is shipped: none could be
// written and tested against a device or ATOL's own emulator in this project, and a driver that was never
// run against one would register nothing a tax office accepts. This header is what such a driver does,
// operation by operation, so it can be written behind the interface without touching the queue.
//
// FiscalRegistrar             ATOL JSON task ("type")              notes
// --------------------------  -----------------------------------  ---------------------------------------------
// open_shift(cashier)         "openShift", operator.name           error "смена открыта" -> already open
// close_shift(cashier)        "closeShift" (the Z report)          answer: fiscal document number and sign
// x_report()                  "reportX"
// register_receipt(r)         "sell" / "sellReturn"                items[] type "position": name, price, quantity,
//                                                                  amount, tax.type (the line's VAT rate);
//                                                                  a top-up line: agentInfo.agents
//                                                                  ["payingAgent"] and supplierInfo (name, vatin,
//                                                                  phones) on the position; payments[] cash and
//                                                                  electronically (card); answer fiscalParams:
//                                                                  fnNumber, fiscalDocumentNumber,
//                                                                  fiscalDocumentSign, shiftNumber,
//                                                                  receiptNumber, fnsUrl; the QR text from them
// register_correction(c)      "sellCorrection" /                    correctionType, correctionBaseDate and
//                             "sellReturnCorrection"                correctionBaseNumber (tag 1174)
// shift()                     "getShiftStatus"                     state (closed / opened / expired), number,
//                                                                  expiration time
// drive_state()               "getFnInfo", "getFnStatus",          FN number, remaining capacity and warnings
//                             "ofdExchangeStatus", "getDeviceStatus"  (memory, resource, OFD wait);
//                                                                  the oldest unsent document's time (30-day
//                                                                  limit); paper present, cover open
// find_document(request_id)   "getFnDocument" by number            the device keeps no request id: see below
// (after paper is back)       "continuePrint"                      finishes a document the paper cut short
//
// Faults: the driver's error codes map onto FiscalFault: no paper -> paper_out, cover open -> cover_open,
// the drive's memory exhausted -> drive_full, the OFD wait over 30 days -> offline_too_long, the shift over 24
// hours -> shift_expired, no answer on the port -> no_connection. Every refused task throws RegistrarFault and
// registers nothing.
//
// Idempotency on a real device: the drive has no request id, so before sending a receipt the driver reads
// the last fiscal document's number ("getFnStatus") and stores it with the claim (fiscal_receipt); when a
// later attempt finds the drive's last number past the stored one, it reads those documents
// ("getFnDocument") and takes the one with the receipt's operation, total and time as this receipt's, instead
// of printing it again. The queue calls find_document before register_receipt on every attempt after the
// first (FiscalQueue.cpp), which is where this lookup belongs.
//
// Transport: the driver speaks to the device over USB, a serial port or TCP (port 5555 by default) as the
// device is set up; the station would keep the connection's settings per till beside fiscal_registrar.
#pragma once
