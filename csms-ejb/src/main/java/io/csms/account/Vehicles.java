package io.csms.account;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** A driver's vehicles. Another account's vehicle is, to this service, no vehicle at all. */
@Stateless
public class Vehicles {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    public List<Vehicle> list(long accountId) {
        return em.createQuery("select v from Vehicle v where v.accountId = :account order by v.id", Vehicle.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    public Vehicle add(long accountId, VehicleDetails details) {
        Vehicle vehicle = new Vehicle(accountId, details);
        em.persist(vehicle);
        em.flush();
        return vehicle;
    }

    public Optional<Vehicle> find(long accountId, long vehicleId) {
        return Optional.ofNullable(em.find(Vehicle.class, vehicleId)).filter(v -> v.accountId() == accountId);
    }

    public Optional<Vehicle> update(long accountId, long vehicleId, VehicleDetails details) {
        Optional<Vehicle> vehicle = find(accountId, vehicleId);
        vehicle.ifPresent(v -> v.describe(details));
        return vehicle;
    }

    public boolean remove(long accountId, long vehicleId) {
        Optional<Vehicle> vehicle = find(accountId, vehicleId);
        vehicle.ifPresent(em::remove);
        return vehicle.isPresent();
    }
}
