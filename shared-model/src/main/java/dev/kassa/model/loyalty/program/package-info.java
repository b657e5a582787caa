/**
 * The loyalty program as a versioned JSON document that an office user writes: accrual, tiers,
 * campaigns, redemption, expiry, bonuses, coupons and gift certificates. The records here are the
 * document as written (lenient, so that {@link dev.kassa.model.loyalty.program.ProgramValidator} can
 * report every problem at once with its JSON path); the engine compiles a valid one once per version.
 */
package dev.kassa.model.loyalty.program;
