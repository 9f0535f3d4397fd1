// Reading a QR code from a picture file (a bank's payment code, photographed or saved).

/**
 * Reads a QR code from a picture file with the html5-qrcode library (its zxing decoder) and
 * resolves with its text. That decoder misses some well-formed codes in one orientation and reads
 * them once turned: of codes the browser tests drew, about one in twelve, always the same ones. So
 * a miss is retried with the picture turned by a quarter, a half and three quarters before the
 * picture is given up on.
 *
 * @param {Blob} file the picture
 * @param {string} readerId the id of a (hidden) element the library may draw into
 */
export async function readQrPicture(file, readerId) {
  const library = window.__Html5QrcodeLibrary__;
  if (!library) throw new Error("The QR code reader did not load.");
  const reader = new library.Html5Qrcode(readerId, { verbose: false });
  try {
    for (const quarterTurns of [0, 1, 2, 3]) {
      try {
        const picture = quarterTurns === 0 ? file : await turned(file, quarterTurns);
        return await reader.scanFile(picture, false);
      } catch (e) {
        // nothing read in this orientation (or no picture at all): the next one
      }
    }
    throw new Error("No QR code could be read from this picture.");
  } finally {
    reader.clear();
  }
}

/** The picture turned clockwise by the given number of quarter turns, as a PNG file. */
async function turned(file, quarterTurns) {
  const image = await createImageBitmap(file);
  try {
    const sideways = quarterTurns % 2 === 1;
    const canvas = document.createElement("canvas");
    canvas.width = sideways ? image.height : image.width;
    canvas.height = sideways ? image.width : image.height;
    const pen = canvas.getContext("2d");
    pen.translate(canvas.width / 2, canvas.height / 2);
    pen.rotate((Math.PI / 2) * quarterTurns);
    pen.drawImage(image, -image.width / 2, -image.height / 2);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
    return new File([blob], "turned.png", { type: "image/png" });
  } finally {
    image.close();
  }
}
