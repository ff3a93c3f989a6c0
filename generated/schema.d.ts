// Generated from spec/openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.
export interface paths {
    "/api/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List all sessions
         * @description Retrieve all sessions, newest first (by `createdAt`), each with its message counts, token
         *     usage and cost.
         */
        get: operations["listSessions"];
        put?: never;
        /**
         * Create a new session
         * @description Create a new session with an optional title and working directory.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The session's ID (a UUID).
                 * @example 7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17
                 */
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        /**
         * Get a specific session
         * @description Retrieve one session by its ID.
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        /**
         * Delete a session
         * @description Permanently delete a session and all of its data.
         */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/fork": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The session's ID (a UUID).
                 * @example 7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17
                 */
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fork a session
         * @description Create a new session that copies the source session's messages up to and including
         *     `messageIndex` (1-based, oldest first). When that message has tool calls whose results
         *     are in the next message, that message is copied too. The new session gets a new ID, the
         *     source's working directory, and the title "Forked Session" unless one is given. The
         *     source session is not changed.
         */
        post: operations["forkSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The session's ID (a UUID).
                 * @example 7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17
                 */
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel agent processing
         * @description Cancel any ongoing agent processing in the session.
         */
        post: operations["cancelSessionProcessing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The envelope of every JSON body. No field is required. */
        RESTResponse: {
            /** @description The payload of a success. */
            data?: unknown;
            error?: components["schemas"]["RESTError"];
            /** @description Optional free text. */
            message?: string;
        };
        /** @description What went wrong. */
        RESTError: {
            /** @description The HTTP status code of the response (the same as the response's status). */
            code: number;
            /** @description A human-readable description, for example "Session with ID '…' not found". */
            message: string;
            /**
             * @description The kind of error: one of the listed values, which are all the API sends today.
             *     Clients must still accept any other string, since a newer server may add kinds
             *     (`x-speakeasy-unknown-values: allow`; the SDK's type is open).
             * @enum {string}
             */
            type: "bad_request" | "not_found" | "internal_error" | "unauthorized" | "validation_error" | (string & {});
        };
        /** @description A session and its usage totals. */
        SessionData: {
            /**
             * Format: uuid
             * @description The session's ID (a UUID).
             */
            id: string;
            /** @description The session's title. */
            title: string;
            /** @description Messages sent by the user. */
            userMessageCount: number;
            /** @description Messages sent by the assistant. */
            assistantMessageCount: number;
            /** @description Tool calls made by the assistant. */
            toolCallCount: number;
            /** @description Prompt tokens used so far. */
            promptTokens: number;
            /** @description Completion tokens used so far. */
            completionTokens: number;
            /**
             * Format: double
             * @description Cost so far, in US dollars.
             */
            cost: number;
            /**
             * Format: date-time
             * @description When the session was created (RFC 3339, in the server's local offset).
             */
            createdAt: string;
            /** @description The first message the user sent. Only `listSessions` fills it in. */
            firstUserMessage?: string;
            /** @description The directory the agent works in. */
            workingDirectory?: string;
        };
        /** @description A new session. The server rejects fields it does not know. */
        CreateSessionRequest: {
            /** @description The session's title. */
            title?: string;
            /** @description The directory the agent works in. */
            workingDirectory?: string;
        };
        /** @description Which messages to copy into the fork. The server rejects fields it does not know. */
        ForkSessionRequest: {
            /** @description 1-based index of the last message to copy. */
            messageIndex: number;
            /** @description The fork's title. Defaults to "Forked Session". */
            title?: string;
        };
        /** @description The outcome of a cancel request. */
        CancelProcessingResult: {
            /** @description Whether processing was cancelled. */
            cancelled?: boolean;
        };
        /** @description An envelope whose `data` is the list of sessions. A success never carries `error`. */
        SessionListResponse: components["schemas"]["RESTResponse"] & {
            data: components["schemas"]["SessionData"][];
        };
        /** @description An envelope whose `data` is one session. A success never carries `error`. */
        SessionResponse: components["schemas"]["RESTResponse"] & {
            data: components["schemas"]["SessionData"];
        };
        /** @description An envelope whose `data` tells whether processing was cancelled. A success never carries `error`. */
        CancelProcessingResponse: components["schemas"]["RESTResponse"] & {
            data: components["schemas"]["CancelProcessingResult"];
        };
        /** @description An envelope whose `error` describes the failure. An error never carries `data`. */
        ErrorResponse: components["schemas"]["RESTResponse"] & {
            error: components["schemas"]["RESTError"];
        };
    };
    responses: {
        /** @description The request was invalid. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The caller is not allowed to list sessions. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No session has this ID. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The server failed. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description The session's ID (a UUID).
         * @example 7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17
         */
        SessionId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type RESTResponse = components['schemas']['RESTResponse'];
export type RESTError = components['schemas']['RESTError'];
export type SessionData = components['schemas']['SessionData'];
export type CreateSessionRequest = components['schemas']['CreateSessionRequest'];
export type ForkSessionRequest = components['schemas']['ForkSessionRequest'];
export type CancelProcessingResult = components['schemas']['CancelProcessingResult'];
export type SessionListResponse = components['schemas']['SessionListResponse'];
export type SessionResponse = components['schemas']['SessionResponse'];
export type CancelProcessingResponse = components['schemas']['CancelProcessingResponse'];
export type ErrorResponse = components['schemas']['ErrorResponse'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseInternalError = components['responses']['InternalError'];
export type ParameterSessionId = components['parameters']['SessionId'];
export type $defs = Record<string, never>;
export interface operations {
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All sessions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionListResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSessionRequest"];
            };
        };
        responses: {
            /** @description The new session. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The session's ID (a UUID).
                 * @example 7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17
                 */
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The session's ID (a UUID).
                 * @example 7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17
                 */
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session was deleted. The body is empty. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
        };
    };
    forkSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The session's ID (a UUID).
                 * @example 7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17
                 */
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForkSessionRequest"];
            };
        };
        responses: {
            /** @description The new, forked session. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    cancelSessionProcessing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The session's ID (a UUID).
                 * @example 7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17
                 */
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether processing was cancelled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelProcessingResponse"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
}
