/**
 * The snake activation, a plug-in for Rectifier written against its public SPI only. Nothing is
 * exported: Rectifier finds the provider by name through ServiceLoader.
 */
module org.example.snake {
  requires dev.rectifier.core;

  provides dev.rectifier.spi.ActivationProvider with
      org.example.snake.SnakeProvider;
}
