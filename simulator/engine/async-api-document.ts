import type { z } from 'zod';
import { jsonSchemaOf } from './api-document.js';

/**
 * AsyncAPI 3 documents of websocket routes, from the zod schemas the socket handlers build and
 * read their frames with. Operations are from the simulator's side: it `send`s what clients
 * receive and `receive`s what clients send. Provider-neutral.
 */

export interface SocketMessage {
  summary: string;
  schema: z.ZodType;
}

export interface SocketChannel {
  /** A name for the channel, unique in the document. */
  id: string;
  /** Below the mount prefix, with `{param}`s: `/api/v1.1/connect-sessions/{sessionData}`. */
  address: string;
  description: string;
  params?: Record<string, string>;
  /** Frames the simulator sends, by message name. */
  sends: Record<string, SocketMessage>;
  /** Frames clients may send, by message name. */
  receives: Record<string, SocketMessage>;
}

export interface AsyncApiDescription {
  title: string;
  description: string;
  channels: SocketChannel[];
}

/** An AsyncAPI 3.0 document of `api`; `server` is where the provider is mounted on this kyc-sim. */
export function asyncApiDocument(
  api: AsyncApiDescription,
  server: { host: string; pathname: string; secure: boolean },
  version: string,
): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const channel of api.channels) {
    const messages: Record<string, unknown> = {};
    for (const [name, message] of [...Object.entries(channel.sends), ...Object.entries(channel.receives)]) {
      messages[name] = {
        name,
        summary: message.summary,
        contentType: 'application/json',
        payload: jsonSchemaOf(message.schema),
      };
    }
    channels[channel.id] = {
      address: channel.address,
      description: channel.description,
      ...(channel.params
        ? {
            parameters: Object.fromEntries(
              Object.entries(channel.params).map(([name, description]) => [name, { description }]),
            ),
          }
        : {}),
      messages,
    };
    const operation = (action: 'send' | 'receive', names: string[]) => ({
      action,
      channel: { $ref: `#/channels/${channel.id}` },
      messages: names.map((name) => ({ $ref: `#/channels/${channel.id}/messages/${name}` })),
    });
    const sends = Object.keys(channel.sends);
    const receives = Object.keys(channel.receives);
    if (sends.length) operations[`${channel.id}-send`] = operation('send', sends);
    if (receives.length) operations[`${channel.id}-receive`] = operation('receive', receives);
  }
  return {
    asyncapi: '3.0.0',
    info: { title: api.title, version, description: api.description },
    servers: {
      'kyc-sim': {
        host: server.host,
        pathname: server.pathname,
        protocol: server.secure ? 'wss' : 'ws',
        description: 'this kyc-sim',
      },
    },
    defaultContentType: 'application/json',
    channels,
    operations,
  };
}
