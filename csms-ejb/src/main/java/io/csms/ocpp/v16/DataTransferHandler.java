package io.csms.ocpp.v16;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * OCPP 1.6 §4.3 DataTransfer: vendor-specific messages. A {@link VendorDataHandler} bean registered
 * for the vendor answers them; without one the answer is UnknownVendorId.
 */
@ApplicationScoped
public class DataTransferHandler implements ActionHandler<DataTransferRequest, DataTransferResponse> {

    @Inject
    @Any
    Instance<VendorDataHandler> vendors;

    @Override
    public String action() {
        return "DataTransfer";
    }

    @Override
    public Class<DataTransferRequest> requestType() {
        return DataTransferRequest.class;
    }

    @Override
    public DataTransferResponse handle(String chargerId, DataTransferRequest request) {
        return vendors.stream()
                .filter(vendor -> vendor.vendorId().equals(request.vendorId()))
                .findFirst()
                .map(vendor -> vendor.handle(chargerId, request))
                .orElseGet(() -> new DataTransferResponse("UnknownVendorId", null));
    }
}
