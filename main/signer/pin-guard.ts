import type { TokenClient } from "./token-client";
import type { TokenPin } from "./token-pin";

/** The token's own word that the PIN is wrong; the app's "refused before" is not the token's. */
const TOKEN_REFUSED = new Set(["CKR_PIN_INCORRECT", "CKR_PIN_INVALID", "CKR_PIN_LEN_RANGE"]);

/**
 * A PIN the token refuses is removed from the keychain, so no request, restart or command line
 * tries it again: tokens lock after a few wrong PINs, and a counter retrying on its own would lock
 * the bank's HSM user. Until IT sets the right one, requests stop as not-configured (token PIN).
 */
export function pinGuarded(token: TokenClient, tokenPin: TokenPin): TokenClient {
  return {
    async ask(request) {
      const answer = await token.ask(request);
      if (!answer.ok && answer.error.kind === "token-pin-wrong" && TOKEN_REFUSED.has(answer.error.details.cause ?? ""))
        await tokenPin.refused(request.pin);
      return answer;
    },
    close: () => token.close(),
  };
}
