/** CRC-32 (IEEE, as zip and gzip use it), to check that a zip entry was read back intact. */
const TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

export class Crc32 {
  private crc = -1;

  update(bytes: Uint8Array): void {
    let crc = this.crc;
    for (let i = 0; i < bytes.length; i++) crc = (TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
    this.crc = crc;
  }

  /** The checksum as an unsigned 32-bit number. */
  digest(): number {
    return (this.crc ^ -1) >>> 0;
  }
}
