package dev.kassa.archfixture.sale;

import javafx.beans.property.SimpleStringProperty;

/** Deliberately bad: sale logic that holds JavaFX state outside a ui package. */
public class BasketLogic {
  public final SimpleStringProperty total = new SimpleStringProperty("0");
}
