export { QR_CID } from "./Message";
export { congressIcs, plainTextOf, qrCodePng, renderMail } from "./render";
