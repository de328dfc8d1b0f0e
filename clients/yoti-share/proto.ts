import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const PROTO_FILE = join('proto', 'qrpubapi_v1.proto');

/** proto/ sits at the package root; walk up so this works from sources and from dist/. */
function findProtoFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, PROTO_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`yoti-share client: cannot find ${PROTO_FILE} above ${import.meta.url}`);
    dir = parent;
  }
}

let qrCodeMsg: protobuf.Type | undefined;

/** `qrpubapi_v1.QrCodeMsg`, loaded once on first use. */
export function qrCodeMsgType(): protobuf.Type {
  qrCodeMsg ??= protobuf.loadSync(findProtoFile()).lookupType('qrpubapi_v1.QrCodeMsg');
  return qrCodeMsg;
}
