/**
 * The operator's tariffs as partners and regulators see them (OCPI Tariffs): currency, elements of
 * price components (ENERGY, FLAT, TIME, PARKING_TIME) with their restrictions, money as
 * {@link java.math.BigDecimal}. Connectors name them by id ({@code tariff_ids}). Like locations,
 * the model's field set is OCPI 2.2.1's; the OCPI door maps it for other versions.
 */
package io.csms.tariff;
